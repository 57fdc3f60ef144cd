package news.gazette.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import news.gazette.change.ChangeKey;
import news.gazette.change.ChangeLog;
import news.gazette.db.Jdbc;

/**
 * Records, inside a write's own transaction, which public pages the write may have changed: a row in the change log
 * that every instance's page cache reads (see {@code news.gazette.cache.SiteChangePoller}).
 *
 * <p>The keys: {@code story:<id>} for any change readers can see on the story itself (every page showing it depends on
 * it); and, only when the story joins, leaves or moves in the lists (publication, status, time, trash, author, tags),
 * {@code list} plus {@code author:<id>} and {@code tag:<id>} of its old and new author and tags.
 */
final class StoryChanges {

    private StoryChanges() {}

    /** What decides where a story appears in the lists; a change to any of these moves it. */
    record Placement(String status, Instant publishedAt, boolean trashed, Set<Long> authorIds, Set<Long> tagIds) {
        boolean inLists() {
            return status.equals("published") && !trashed;
        }
    }

    /** The story's placement now, or null when there is no such story. */
    static Placement placement(Connection c, long storyId) throws SQLException {
        List<Placement> found = Jdbc.list(
                c,
                "select status, published_at, deleted_at, author_id from story where id = ?",
                row -> new Placement(
                        row.getString("status"),
                        Jdbc.instant(row, "published_at"),
                        row.getObject("deleted_at") != null,
                        Set.of(row.getLong("author_id")),
                        Set.of()),
                storyId);
        if (found.isEmpty()) {
            return null;
        }
        Set<Long> tags = new TreeSet<>(
                Jdbc.list(c, "select tag_id from story_tag where story_id = ?", row -> row.getLong(1), storyId));
        Set<Long> authors = new TreeSet<>(found.get(0).authorIds());
        authors.addAll(
                Jdbc.list(c, "select author_id from story_byline where story_id = ?", row -> row.getLong(1), storyId));
        Placement p = found.get(0);
        return new Placement(p.status(), p.publishedAt(), p.trashed(), Set.copyOf(authors), Set.copyOf(tags));
    }

    /** Records a change to story {@code storyId} that went from placement {@code before} to {@code after}. */
    static void record(Connection c, long storyId, Placement before, Placement after, Instant now) throws SQLException {
        Set<ChangeKey> keys = new LinkedHashSet<>();
        keys.add(ChangeKey.ANY);
        keys.add(ChangeKey.story(storyId));
        boolean moved = !Objects.equals(before, after)
                && ((before != null && before.inLists()) || (after != null && after.inLists()));
        if (moved) {
            keys.add(ChangeKey.LIST);
            for (Placement p : new Placement[] {before, after}) {
                if (p != null) {
                    p.authorIds().forEach(author -> keys.add(ChangeKey.author(author)));
                    p.tagIds().forEach(tag -> keys.add(ChangeKey.tag(tag)));
                }
            }
        }
        ChangeLog.record(c, keys, now);
    }

    /** Records a change no public page shows (emptying the trash): only the newsroom's counts depend on it. */
    static void recordNewsroomOnly(Connection c, Instant now) throws SQLException {
        ChangeLog.record(c, Set.of(ChangeKey.NEWSROOM), now);
    }
}
