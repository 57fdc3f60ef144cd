package news.gazette.search;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.gazette.db.Jdbc;
import news.gazette.story.Author;
import news.gazette.story.Bylines;
import news.gazette.story.FeaturedImage;
import news.gazette.story.LiveCoverageRepository;
import news.gazette.story.LiveEntry;
import org.jsoup.Jsoup;

/**
 * Reads from the database what the search index holds: published stories outside the newsroom's trash, scheduled ones
 * included (a search compares their time with the clock). Drafts and trashed stories are never read, and neither is
 * any story's {@code notes} column.
 */
final class IndexedStories {

    /** Which stories the index holds. */
    /** A live story's newest entries are searchable with it. */
    static final int LIVE_ENTRIES_INDEXED = 50;

    static final String INDEXED = "s.status = 'published' and s.published_at is not null and s.deleted_at is null";

    // The rule is applied to the rows found by id rather than in the WHERE clause: given the rule there, H2 plans on
    // the visibility index (status, time, id), whose id is no prefix, and reads all of it for every batch. The body of
    // a story the index must not hold is not even read.
    private static final String SELECT = """
            select s.id, s.slug, s.headline, s.summary, s.published_at, s.updated_at, s.developing,
                   s.image_url, s.image_alt, s.image_caption, s.image_width, s.image_height,
                   a.id as author_id, a.slug as author_slug, a.name as author_name,
                   case when %1$s then 1 else 0 end as indexed,
                   case when %1$s then s.body_html end as body_html
            from story s join author a on a.id = s.author_id
            """.formatted(INDEXED);

    private final Jdbc jdbc;

    IndexedStories(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Those of {@code ids} that the index should hold; the others are to be removed from it. */
    List<IndexedStory> find(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.withConnection(c -> withTags(
                c,
                Jdbc.list(
                        c,
                        SELECT + "where s.id in (" + Jdbc.placeholders(ids.size()) + ")",
                        IndexedStories::row,
                        ids.toArray())));
    }

    /**
     * The indexed stories among the {@code limit} stories with ids above {@code afterId}, read along the primary key:
     * one batch of a rebuild. The batch says where the next one starts, and whether there are no more stories.
     */
    Batch batchAfter(long afterId, int limit) {
        return jdbc.withConnection(c -> {
            List<Row> rows =
                    Jdbc.list(c, SELECT + "where s.id > ? order by s.id limit ?", IndexedStories::row, afterId, limit);
            long lastId = rows.isEmpty() ? afterId : rows.get(rows.size() - 1).id();
            return new Batch(withTags(c, rows), lastId, rows.isEmpty());
        });
    }

    /** One batch of a rebuild: the stories to index, and the id the next batch starts after. */
    record Batch(List<IndexedStory> stories, long lastId, boolean isEnd) {}

    /** How many stories the index should hold. */
    long count() {
        return jdbc.count("select count(*) from story s where " + INDEXED);
    }

    /** Those of {@code all} the index is to hold, with their tags. */
    private static List<IndexedStory> withTags(Connection c, List<Row> all) throws SQLException {
        List<Row> rows = all.stream().filter(Row::indexed).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> tags = new HashMap<>();
        List<Long> ids = rows.stream().map(Row::id).toList();
        Jdbc.list(
                c,
                "select st.story_id, t.name from story_tag st join tag t on t.id = st.tag_id where st.story_id in ("
                        + Jdbc.placeholders(ids.size()) + ") order by st.story_id, st.position",
                row -> tags.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                        .add(row.getString(2)),
                ids.toArray());
        Map<Long, List<Author>> bylines = Bylines.of(c, ids);
        Map<Long, List<LiveEntry>> live = LiveCoverageRepository.newest(c, ids, LIVE_ENTRIES_INDEXED);
        // Turning the stored HTML into text is much of a rebuild's reading: spread it over the cores.
        return (rows.size() > 50 ? rows.parallelStream() : rows.stream())
                .map(r -> r.story(
                        bylines.get(r.id()),
                        tags.getOrDefault(r.id(), List.of()),
                        live.getOrDefault(r.id(), List.of())))
                .toList();
    }

    /** A story row before its tags are known. */
    private record Row(
            long id,
            String slug,
            String headline,
            String summary,
            String bodyHtml,
            List<Author> authors,
            java.time.Instant publishedAt,
            java.time.Instant updatedAt,
            boolean developing,
            FeaturedImage image,
            boolean indexed) {

        /** With its live entries' text ahead of the body's, newest first: for a live story they are the news. */
        IndexedStory story(List<Author> bylines, List<String> tags, List<LiveEntry> entries) {
            StringBuilder text = new StringBuilder();
            for (LiveEntry entry : entries) {
                text.append(entry.text()).append("\n\n");
            }
            return new IndexedStory(
                    id,
                    slug,
                    headline,
                    summary,
                    text.append(textOf(bodyHtml)).toString(),
                    bylines == null || bylines.isEmpty() ? authors : bylines,
                    publishedAt,
                    updatedAt,
                    developing,
                    image,
                    tags);
        }
    }

    private static Row row(ResultSet row) throws SQLException {
        String url = row.getString("image_url");
        FeaturedImage image = url == null || url.isBlank()
                ? null
                : new FeaturedImage(
                        url,
                        row.getString("image_alt"),
                        row.getString("image_caption"),
                        row.getInt("image_width"),
                        row.getInt("image_height"));
        return new Row(
                row.getLong("id"),
                row.getString("slug"),
                row.getString("headline"),
                row.getString("summary"),
                row.getString("body_html"),
                List.of(new Author(
                        row.getLong("author_id"), row.getString("author_slug"), row.getString("author_name"), "")),
                Jdbc.instant(row, "published_at"),
                Jdbc.instant(row, "updated_at"),
                row.getBoolean("developing"),
                image,
                row.getInt("indexed") == 1);
    }

    /** What a reader reads of the stored body: its text, without markup or link targets. */
    static String textOf(String bodyHtml) {
        return bodyHtml == null || bodyHtml.isEmpty()
                ? ""
                : Jsoup.parseBodyFragment(bodyHtml).text();
    }
}
