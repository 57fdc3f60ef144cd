package news.gazette.admin;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import news.gazette.change.ChangeKey;
import news.gazette.change.ChangeLog;
import news.gazette.db.Jdbc;
import news.gazette.story.Author;
import news.gazette.story.Bylines;

/**
 * The newsroom's reads and writes of author pages: who writes here, and what their page says. A byline's name shows
 * on every page that lists their stories, so an edit names each of those stories in the change log (or, past a few
 * hundred, every page), in the same transaction as the edit.
 */
public final class AuthorDesk {

    /** Past this many stories an edit purges every page rather than naming each story. */
    static final int MAX_NAMED_STORIES = 500;

    /** One row of the authors list. */
    public record Listed(Author author, long stories) {}

    /** What the author form writes. */
    record Profile(String name, boolean organization, String bio, String photoUrl, List<String> links) {}

    private final Jdbc jdbc;

    public AuthorDesk(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    List<Listed> all() {
        return jdbc.list(
                "select " + Bylines.AUTHOR_COLUMNS + ", (select count(*) from story_byline b where b.author_id = a.id)"
                        + " as stories from author a order by lower(a.name), a.id",
                row -> new Listed(Bylines.toAuthor(row), row.getLong("stories")));
    }

    Optional<Author> find(long id) {
        return jdbc.first("select " + Bylines.AUTHOR_COLUMNS + " from author a where a.id = ?", Bylines::toAuthor, id);
    }

    /** Saves the profile; the author keeps their address, so links to their page keep working after a rename. */
    void save(long id, Profile profile, Instant now) {
        jdbc.inTransaction(c -> {
            Jdbc.update(
                    c,
                    "update author set name = ?, kind = ?, bio = ?, photo_url = ?, links = ? where id = ?",
                    profile.name(),
                    profile.organization() ? "organization" : "person",
                    profile.bio(),
                    profile.photoUrl(),
                    String.join("\n", profile.links()),
                    id);
            List<Long> stories = Jdbc.list(
                    c,
                    "select story_id from story_byline where author_id = ? order by story_id",
                    row -> row.getLong(1),
                    id);
            Set<ChangeKey> keys = new LinkedHashSet<>();
            if (stories.size() > MAX_NAMED_STORIES) {
                keys.add(ChangeKey.SITE);
            }
            keys.add(ChangeKey.ANY);
            keys.add(ChangeKey.LIST);
            keys.add(ChangeKey.author(id));
            if (stories.size() <= MAX_NAMED_STORIES) {
                stories.forEach(story -> keys.add(ChangeKey.story(story)));
            }
            ChangeLog.record(c, keys, now);
            return null;
        });
    }
}
