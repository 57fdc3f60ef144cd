package news.gazette.admin;

import java.util.List;
import news.gazette.db.Jdbc;
import news.gazette.story.Markdown;
import news.gazette.story.MarkdownTooComplexException;
import news.gazette.story.RenderedHtml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives stories written without {@link StoryWriter} what a save derives from them: their rendered body (and their live
 * entries'), and their rows in the tag listing. Such rows come from migrations (the launch story, a new column), an import and the benchmark's
 * archive generator (the search index finds them on its own: it is rebuilt when it disagrees with the database);
 * {@code App.create} runs this before serving, and the import after loading.
 */
public final class StoryBackfill {

    private static final Logger log = LoggerFactory.getLogger(StoryBackfill.class);
    private static final int BATCH = 200;

    private StoryBackfill() {}

    /**
     * Fills in what is missing. {@code full} walks the archive for bodies never rendered
     * (seconds at 100,000 stories), so it is asked for only when migrations or an import just wrote rows; the tag
     * listing's check is two counts and always runs.
     */
    public static void run(Jdbc jdbc, Markdown markdown, boolean full) {
        try {
            jdbc.inTransaction(c -> {
                TagWriter.repairListing(c);
                BylineWriter.repairListing(c);
                return null;
            });
        } catch (Jdbc.DataAccessException e) {
            // Instances starting together on one database: another one inserted the same listing rows first.
            if (!Jdbc.isConstraintViolation(e)) {
                throw e;
            }
        }
        if (full) {
            renderMissingBodies(jdbc, markdown);
            countMissingWords(jdbc);
            renderMissingLiveEntries(jdbc, markdown);
        }
    }

    /** Live entries an import loaded: their HTML is made again from their Markdown, never taken from the file. */
    private static void renderMissingLiveEntries(Jdbc jdbc, Markdown markdown) {
        List<Long> missing =
                jdbc.list("select id from live_entry where body_html is null order by id", row -> row.getLong(1));
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<Long> batch = missing.subList(from, Math.min(from + BATCH, missing.size()));
            jdbc.inTransaction(c -> {
                for (Long id : batch) {
                    String source = Jdbc.list(
                                    c, "select body_markdown from live_entry where id = ?", row -> row.getString(1), id)
                            .get(0);
                    Jdbc.update(
                            c,
                            "update live_entry set body_html = ? where id = ?",
                            bodyOf(markdown, source, id).html(),
                            id);
                }
                return null;
            });
        }
        if (!missing.isEmpty()) {
            log.info("Rendered {} live {}", missing.size(), missing.size() == 1 ? "entry" : "entries");
        }
    }

    private static void renderMissingBodies(Jdbc jdbc, Markdown markdown) {
        List<Long> missing =
                jdbc.list("select id from story where body_html is null order by id", row -> row.getLong(1));
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<Long> batch = missing.subList(from, Math.min(from + BATCH, missing.size()));
            jdbc.inTransaction(c -> {
                for (Long id : batch) {
                    String source = Jdbc.list(
                                    c, "select body_markdown from story where id = ?", row -> row.getString(1), id)
                            .get(0);
                    RenderedHtml body = bodyOf(markdown, source, id);
                    Jdbc.update(
                            c,
                            "update story set body_html = ?, body_words = ? where id = ?",
                            body.html(),
                            body.words(),
                            id);
                }
                return null;
            });
        }
        if (!missing.isEmpty()) {
            log.info("Rendered the bodies of {} {}", missing.size(), missing.size() == 1 ? "story" : "stories");
        }
    }

    /** Bodies rendered before V53 added their word count (or stored by an import, which drops it). */
    private static void countMissingWords(Jdbc jdbc) {
        List<Long> missing = jdbc.list(
                "select id from story where body_words is null and body_html is not null order by id",
                row -> row.getLong(1));
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<Long> batch = missing.subList(from, Math.min(from + BATCH, missing.size()));
            jdbc.inTransaction(c -> {
                for (Long id : batch) {
                    String html = Jdbc.list(c, "select body_html from story where id = ?", row -> row.getString(1), id)
                            .get(0);
                    Jdbc.update(c, "update story set body_words = ? where id = ?", RenderedHtml.countWords(html), id);
                }
                return null;
            });
        }
        if (!missing.isEmpty()) {
            log.info("Counted the words of {} {}", missing.size(), missing.size() == 1 ? "story" : "stories");
        }
    }

    /**
     * The stored body of a row; one that the bounded renderer refuses (saved before it existed) is shown as its own
     * text, escaped, until an editor simplifies it, instead of taking its page down.
     */
    private static RenderedHtml bodyOf(Markdown markdown, String source, long id) {
        try {
            return markdown.render(source);
        } catch (MarkdownTooComplexException e) {
            log.warn("Story {} has a body too complex to format ({}); it is shown as plain text", id, e.reason());
            return markdown.renderAsText(source);
        }
    }
}
