package news.gazette;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import news.gazette.account.UserCommand;
import news.gazette.admin.Newsroom;
import news.gazette.admin.StoryBackfill;
import news.gazette.backup.SiteFileCommand;
import news.gazette.cache.CacheHitHandler;
import news.gazette.cache.PageCache;
import news.gazette.cache.ProxyHeaders;
import news.gazette.cache.RenderLane;
import news.gazette.cache.SiteChangePoller;
import news.gazette.change.ChangeKey;
import news.gazette.change.ChangeListener;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import news.gazette.feed.FeedEntries;
import news.gazette.feed.FeedFormat;
import news.gazette.feed.FeedHandlers;
import news.gazette.feed.FeedRepository;
import news.gazette.media.MediaStore;
import news.gazette.ops.Health;
import news.gazette.ops.Metrics;
import news.gazette.search.SearchHandlers;
import news.gazette.search.SearchIndex;
import news.gazette.search.StorySearch;
import news.gazette.seo.SitemapHandlers;
import news.gazette.seo.SitemapRepository;
import news.gazette.story.FrontPageControl;
import news.gazette.story.JdbcStoryRepository;
import news.gazette.story.LiveCoverageHandlers;
import news.gazette.story.LiveCoverageRepository;
import news.gazette.story.Markdown;
import news.gazette.story.StoryHandlers;
import news.gazette.story.StoryRepository;
import news.gazette.story.TextEditionHandlers;
import news.gazette.web.Assets;
import news.gazette.web.BareErrorHandler;
import news.gazette.web.ClientAddress;
import news.gazette.web.ErrorPages;
import news.gazette.web.Layouts;
import news.gazette.web.Pages;
import news.gazette.web.RequestLog;
import news.gazette.web.Section;
import news.gazette.web.SecurityHeaders;
import news.gazette.web.Site;
import news.gazette.web.SiteBanner;
import news.gazette.web.SiteSettings;
import news.gazette.websub.WebSub;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Wires Gazette together. {@link #create} builds a server that is not yet started; tests start it in-process. */
public final class App {

    private static final Logger log = LoggerFactory.getLogger(App.class);
    private static final int SECTIONS_IN_NAV = 6;
    private static final long STOP_TIMEOUT_MS = 10_000;
    private static final int MAX_THREADS = 64;
    private static final int MIN_THREADS = 8;
    private static final int RESPONSE_COPY_BYTES = 8_192;
    // Rendered pages and their gzip copies: an eighth of the heap, at most 64 MB. A page is 5-40 kB, so the README's
    // -Xmx128m holds some 800 of the most asked-for ones. A quarter of that heap (32 MB) left the old generation so
    // little room beside H2's cache that a crawl ran a full collection every half second (a fifth of its time).
    private static final long PAGE_CACHE_BYTES =
            Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 8);
    private static final int SEARCHES_AT_ONCE = 2;

    private App() {}

    public static Javalin create(Config config) {
        return create(config, Clock.systemUTC());
    }

    /** As {@link #create(Config)}, with the clock that decides when scheduled stories appear. */
    public static Javalin create(Config config, Clock clock) {
        news.gazette.web.Dates.useZone(config.timeZone());
        Metrics metrics = new Metrics(config.metricsToken());
        Database db = Database.open(config.jdbcUrl(), config.dataDir(), metrics.registry());
        Health health = new Health(db);
        Jdbc jdbc = new Jdbc(db.dataSource());
        Markdown markdown = new Markdown();
        StoryBackfill.run(jdbc, markdown, db.migrated());
        JdbcStoryRepository stories = new JdbcStoryRepository(jdbc);
        // Opened when the server starts (rebuilt there if need be), so an app that is only created holds no folder.
        SearchIndex searchIndex = new SearchIndex(config.searchIndexDir(), config.language(), jdbc);
        Site site = new Site(
                config.siteName(),
                config.siteDescription(),
                config.language(),
                config.baseUrl(),
                Assets.load(config.staticDir()));
        // The section list counts stories per tag across the archive: counted again only when the lists change.
        LoadingCache<String, List<Section>> sections = Caffeine.newBuilder().build(key -> sections(stories, clock));
        // The breaking-news banner is on every page: read once per change to the site, not per page.
        FrontPageControl frontPage = new FrontPageControl(jdbc);
        LoadingCache<String, java.util.Optional<SiteBanner>> banner =
                Caffeine.newBuilder().build(key -> frontPage.banner());
        Layouts layouts = new Layouts(site, () -> sections.get("nav"), () -> banner.get("banner"), clock);
        // Misses render in lanes, so a flood of one kind cannot starve the rest: searches need no database but the
        // processor, two at a time on two cores; other pages may use the pool, but leave two connections for the
        // change poller and the newsroom, which is never cached and so never waits here.
        RenderLane pagesLane =
                new RenderLane("pages", Database.POOL_SIZE - 2, Duration.ofSeconds(2), metrics.registry());
        RenderLane searchLane = new RenderLane("search", SEARCHES_AT_ONCE, Duration.ofMillis(50), metrics.registry());
        PageCache pageCache = new PageCache(
                PAGE_CACHE_BYTES,
                clock,
                metrics.registry(),
                pagesLane,
                new ProxyHeaders(config.proxy().cacheTagHeader()));
        ChangeFollowing changes = new ChangeFollowing(
                config,
                db,
                jdbc,
                clock,
                metrics,
                pageCache,
                searchIndex,
                stories,
                sections,
                () -> sections(stories, clock));
        Pages pages = new Pages(config.templatesDir());
        LiveCoverageRepository liveCoverage = new LiveCoverageRepository(jdbc);
        StoryHandlers storyPages = new StoryHandlers(stories, liveCoverage, frontPage, pages, layouts, clock);
        LiveCoverageHandlers livePages = new LiveCoverageHandlers(stories, liveCoverage, pages, clock);
        // Before the pages are dropped (listeners run first), so a page rendered after the drop sees the change.
        changes.poller().onChange(keys -> liveCoverage.forget());
        TextEditionHandlers textEdition = new TextEditionHandlers(stories, liveCoverage, pages, layouts, clock);
        // The banner or the pinned lead changed (on any instance): every page shows the banner.
        changes.poller().onChange(keys -> {
            if (keys.contains(ChangeKey.SITE)) {
                banner.invalidateAll();
                pageCache.invalidateAll();
            }
        });
        MediaStore media = new MediaStore(config.mediaDir());
        Newsroom newsroom = new Newsroom(
                jdbc,
                config.jdbcUrl(),
                media,
                markdown,
                pages,
                layouts,
                config.isHttps(),
                config.adminPassword(),
                clock,
                new ClientAddress(config.trustedProxies()));
        // A pending change with a time goes live through whichever instance's poll claims it first.
        changes.poller().onEveryPoll(now -> {
            newsroom.publishDuePendingChanges(now);
            newsroom.endDueFrontPageControls(now);
        });
        // Read once: entry ids keep the host the site had at its first start, wherever it is served from now.
        String feedIdAuthority = new SiteSettings(jdbc)
                .fixOnce(SiteSettings.FEED_ID_AUTHORITY, FeedEntries.authorityOf(config.baseUrl()));
        // The WebSub hub: every feed names it; after this instance applied a change (its own or another instance's),
        // it looks for feeds whose bytes changed and delivers them, off the save's and the poller's path.
        WebSub webSub = new WebSub(config.websub(), config.host(), config.baseUrl(), jdbc, clock);
        changes.poller().afterChange(keys -> webSub.changed());
        FeedHandlers feeds = new FeedHandlers(
                stories,
                liveCoverage,
                new FeedRepository(jdbc),
                new FeedEntries(site, media, feedIdAuthority),
                site,
                clock,
                webSub.hubUrls());
        SearchHandlers searchPages = new SearchHandlers(new StorySearch(searchIndex), pages, layouts, clock);
        SitemapHandlers sitemaps =
                new SitemapHandlers(new SitemapRepository(jdbc), site, clock, SitemapHandlers.PART_SIZE);
        ErrorPages errorPages = new ErrorPages(pages, layouts);
        SecurityHeaders securityHeaders = new SecurityHeaders(config.isHttps());

        return Javalin.create(c -> {
            c.jetty.host = config.host();
            c.jetty.threadPool = threadPool();
            c.startup.showJavalinBanner = false;
            // No c.http.generateEtags: Javalin's tags are unquoted checksums, which RFC 9110 does not allow. Pages,
            // feeds, assets and images set strong tags of their own; the newsroom and health answers are no-store.
            c.http.prefer405over404 = true;
            // Javalin copies each response through a new buffer of this size (Jetty's 32 kB output buffer by
            // default): an eighth of all a crawl allocated. Jetty still gathers the pieces into its own buffer.
            c.http.responseBufferSize = RESPONSE_COPY_BYTES;
            // Finish requests in flight on shutdown (Javalin installs Jetty's StatisticsHandler for this).
            c.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT_MS);
                // Requests Jetty refuses itself get a bare page with no parser messages.
                server.setErrorHandler(new BareErrorHandler());
                // Cache hits are answered in Jetty, before Javalin's servlet; everything else passes through.
                insertInside(server, new CacheHitHandler(pageCache, securityHeaders.headers()));
                webSub.runsOn(server);
            });
            c.requestLogger.http(new RequestLog(PageCache::answeredFromCache)::line);
            c.requestLogger.http(metrics::record);
            c.events.serverStarting(searchIndex::open);
            c.events.serverStarted(() -> {
                changes.start();
                webSub.start();
                db.compactWhenGrown();
            });
            // One listener, to keep the order: Javalin runs a stage's listeners in no fixed order (a HashSet), and
            // the poller's last poll needs the pool.
            c.events.serverStopped(() -> {
                changes.close();
                webSub.close();
                searchIndex.close();
                // A clean stop gives the file back what the saves since the last compaction left (StoreCompaction).
                db.compactAndClose();
            });
            c.appData(PageCache.KEY, pageCache);
            c.appData(SiteChangePoller.KEY, changes.poller());
            if (changes.listener() != null) {
                c.appData(ChangeListener.KEY, changes.listener());
            }
            c.appData(SearchIndex.KEY, searchIndex);
            c.appData(RenderLane.SEARCH_KEY, searchLane);

            c.routes.before(securityHeaders::apply);
            page(c, "/", pageCache.cached(storyPages::front));
            page(c, "/page/{n}", pageCache.cached(storyPages::frontArchive));
            page(c, "/articles/{slug}", pageCache.cached(storyPages::show));
            page(c, "/articles/{slug}/history", pageCache.cached(storyPages::history));
            page(c, "/articles/{slug}/live", pageCache.cached(livePages::entries));
            page(c, "/tags/{slug}", pageCache.cached(storyPages::tag));
            page(c, "/tags/{slug}/page/{n}", pageCache.cached(storyPages::tag));
            page(c, "/authors/{slug}", pageCache.cached(storyPages::author));
            page(c, "/authors/{slug}/page/{n}", pageCache.cached(storyPages::author));
            page(c, "/corrections", pageCache.cached(storyPages::corrections));
            page(c, "/text", pageCache.cached(textEdition::front));
            page(c, "/text/articles/{slug}", pageCache.cached(textEdition::article));
            // Already in memory, fingerprinted and gzipped once; nothing to gain from the page cache.
            page(c, "/assets/<path>", site.assets()::serve);
            newsroom.register(c);
            webSub.register(c);
            // Any change drops every search page (they name no dependencies); Caffeine's frequency-based eviction keeps
            // one-off queries from pushing popular pages out.
            page(c, "/search", pageCache.cached(searchLane, searchPages::results, "q", "page"));
            for (FeedFormat format : FeedFormat.values()) {
                page(c, format.path(), pageCache.cached(feeds.site(format)));
                page(c, "/tags/{slug}" + format.path(), pageCache.cached(feeds.tag(format)));
                page(c, "/authors/{slug}" + format.path(), pageCache.cached(feeds.author(format)));
                page(c, "/corrections" + format.path(), pageCache.cached(feeds.corrections(format)));
                page(c, "/articles/{slug}" + format.path(), pageCache.cached(feeds.story(format)));
            }
            c.routes.get("/rss", ctx -> ctx.redirect(FeedFormat.RSS.path(), HttpStatus.MOVED_PERMANENTLY));
            c.routes.get("/feed", ctx -> ctx.redirect(FeedFormat.RSS.path(), HttpStatus.MOVED_PERMANENTLY));
            page(c, "/sitemap.xml", pageCache.cached(sitemaps::sitemap));
            page(c, "/sitemaps/{name}", pageCache.cached(sitemaps::part));
            page(c, "/news-sitemap.xml", pageCache.cached(sitemaps::news));
            page(c, "/robots.txt", pageCache.cached(sitemaps::robots));
            // An editor's save shows on the public pages before the save's redirect arrives, not a poll later.
            c.routes.after("/admin/<rest>", ctx -> {
                if (ctx.method() == HandlerType.POST) {
                    changes.poller().pollNow();
                }
            });
            c.routes.get(
                    "/favicon.ico", ctx -> ctx.redirect(site.asset("img/favicon.svg"), HttpStatus.MOVED_PERMANENTLY));
            c.routes.get("/healthz", health::live);
            c.routes.get("/readyz", health::ready);
            c.routes.get("/metrics", metrics::scrape);
            errorPages.register(c);
        });
    }

    /** The tags with the most stories, as the navigation on every page shows them. */
    private static List<Section> sections(StoryRepository stories, Clock clock) {
        return stories.findSections(SECTIONS_IN_NAV, clock.instant()).stream()
                .map(tag -> new Section(tag.name(), tag.path()))
                .toList();
    }

    /**
     * Jetty's request threads. Javalin's default pool grows to 250; under 64 busy connections it reached about 120
     * threads, whose stacks and malloc arenas cost resident memory, while a cache hit holds a thread for microseconds
     * and anything that needs the database waits for one of HikariCP's eight connections anyway. 64 is plenty.
     */
    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, 60_000);
        pool.setName("gazette-http");
        return pool;
    }

    /**
     * Puts {@code handler} innermost in the server's chain, where Javalin then hangs its servlet: inside Jetty's
     * StatisticsHandler when Javalin installed one, so a graceful stop waits for cache hits in flight too.
     */
    private static void insertInside(Server server, org.eclipse.jetty.server.Handler.Wrapper handler) {
        if (server.getHandler() instanceof org.eclipse.jetty.server.Handler.Wrapper outer
                && outer.getHandler() == null) {
            outer.setHandler(handler);
        } else {
            server.insertHandler(handler);
        }
    }

    /** A public GET route that also answers HEAD with the same headers (feed readers and link checkers use it). */
    private static void page(JavalinConfig c, String path, Handler handler) {
        c.routes.get(path, handler);
        c.routes.head(path, handler);
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("user")) {
            // Account chores: gazette user add NAME --role editor, gazette user reset-password NAME.
            System.exit(UserCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv()));
        }
        if (args.length > 0 && (args[0].equals("export") || args[0].equals("import"))) {
            // The whole site in one file and back: gazette export FILE, gazette import FILE.
            System.exit(
                    SiteFileCommand.run(args, System.getenv(), jdbc -> StoryBackfill.run(jdbc, new Markdown(), true)));
        }
        CommandLineOptions options = new CommandLineOptions();
        CommandLine cli = CommandLineOptions.commandLine(options, System.getenv());
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            fail(e.getMessage());
            return;
        }
        if (cli.isUsageHelpRequested() || cli.isVersionHelpRequested()) {
            PrintWriter out = new PrintWriter(System.out, true);
            if (cli.isUsageHelpRequested()) {
                cli.usage(out);
            } else {
                cli.printVersionHelp(out);
            }
            return;
        }
        Config config;
        try {
            config = options.toConfig();
        } catch (Config.InvalidConfigException e) {
            fail(e.getMessage());
            return;
        }
        try {
            Javalin app = create(config).start(config.port());
            Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "gazette-shutdown"));
            log.info("Gazette is serving at {}/ (listening on {}:{})", config.baseUrl(), config.host(), app.port());
        } catch (RuntimeException e) {
            log.error(
                    "Gazette could not start: {}",
                    e instanceof Database.UnavailableException ? e.getMessage() : rootMessage(e));
            log.debug("start-up failure", e);
            System.exit(1);
        }
    }

    private static void fail(String message) {
        System.err.println("gazette: " + message);
        System.err.println("Run with --help to see the options.");
        System.exit(2);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
