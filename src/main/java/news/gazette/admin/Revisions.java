package news.gazette.admin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import news.gazette.db.Jdbc;

/** Keeps a full snapshot of each save, so that any two can be compared and nothing an editor wrote is ever lost. */
final class Revisions {

    private Revisions() {}

    static void keep(
            Connection c, long storyId, int version, StoryDraft draft, String savedBy, boolean minor, Instant now)
            throws SQLException {
        Jdbc.insert(
                c,
                """
                insert into story_revision (story_id, version, saved_at, saved_by, slug, headline, summary,
                                            body_markdown, notes, status, published_at, tags, author, developing,
                                            image_url, image_alt, image_caption, update_note, correction, language,
                                            minor)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                storyId,
                version,
                now,
                savedBy,
                draft.slug().value(),
                draft.headline(),
                draft.summary(),
                draft.bodyMarkdown(),
                draft.notes(),
                draft.status().dbValue(),
                draft.publishedAt(),
                String.join(", ", draft.tagNames()),
                draft.authorName(),
                draft.developing(),
                draft.image() == null ? null : draft.image().url(),
                draft.image() == null ? null : draft.image().alt(),
                draft.image() == null ? null : draft.image().caption(),
                draft.updateNote(),
                draft.correction() == null
                        ? null
                        : draft.correction().wrong() + " \u2192 "
                                + draft.correction().right(),
                draft.language(),
                minor);
    }
}
