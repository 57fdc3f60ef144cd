package news.gazette;

import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import news.gazette.admin.ScheduledArrivals;
import news.gazette.cache.ChangeLogLag;
import news.gazette.cache.PageCache;
import news.gazette.cache.PurgeSender;
import news.gazette.cache.SiteChangePoller;
import news.gazette.change.ChangeKey;
import news.gazette.change.ChangeListener;
import news.gazette.change.ChangeLog;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import news.gazette.ops.Metrics;
import news.gazette.search.SearchIndex;
import news.gazette.story.JdbcStoryRepository;
import news.gazette.web.Section;

/**
 * How this instance follows the site's changes, its own and every other instance's, from the shared change log: in
 * order, it brings its search index up to date, forgets the list sizes and cards it keeps, refreshes the navigation,
 * drops the cached pages that showed what changed, then purges the caches in front. On PostgreSQL a notification
 * wakes the poller the moment a change commits; the poll every 200 ms stays as the fallback.
 */
final class ChangeFollowing {

    private final SiteChangePoller poller;
    private final PurgeSender purges;
    // Null on H2, where every writer is this process and the poll is enough.
    private final ChangeListener listener;

    ChangeFollowing(
            Config config,
            Database db,
            Jdbc jdbc,
            Clock clock,
            Metrics metrics,
            PageCache pageCache,
            SearchIndex searchIndex,
            JdbcStoryRepository stories,
            LoadingCache<String, List<Section>> sections,
            Supplier<List<Section>> countSections) {
        poller = new SiteChangePoller(jdbc, clock, pageCache);
        ChangeLogLag.register(poller, new ChangeLog(jdbc), clock, metrics.registry());
        // Purged after this instance dropped its own copies, so a cache that refetches at once gets the new page.
        purges = new PurgeSender(config.proxy().purgeUrls(), metrics.registry());
        poller.afterChange(purges::purge);
        // A scheduled story's going live is written to the change log once, by whichever instance notices first.
        poller.onScheduledTime(new ScheduledArrivals(jdbc)::recordDue);
        // Before the pages are dropped (listeners run first), so a search rendered after the drop sees the change.
        poller.onChange(keys -> searchIndex.catchUp());
        poller.onChange(keys -> {
            stories.forgetCards();
            if (keys.contains(ChangeKey.LIST)) {
                stories.forgetTotals();
                List<Section> before = sections.getIfPresent("nav");
                sections.put("nav", countSections.get());
                if (!Objects.equals(before, sections.getIfPresent("nav"))) {
                    // The navigation is on every page.
                    pageCache.invalidateAll();
                    purges.purge(List.of(ChangeKey.SITE));
                }
            }
        });
        listener = db.dialect() == Database.Dialect.POSTGRESQL
                ? new ChangeListener(config.jdbcUrl(), poller::pollNow)
                : null;
    }

    SiteChangePoller poller() {
        return poller;
    }

    /** The PostgreSQL listener, or null on H2. */
    ChangeListener listener() {
        return listener;
    }

    /** Once the server is up: follow the log, send purges, listen. */
    void start() {
        poller.start();
        purges.start();
        if (listener != null) {
            listener.start();
        }
    }

    /** Before the pool closes: the poller's last poll needs it. */
    void close() {
        if (listener != null) {
            listener.close();
        }
        poller.close();
        purges.close();
    }
}
