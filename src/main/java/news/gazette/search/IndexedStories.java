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
import news.gazette.story.FeaturedImage;
import org.jsoup.Jsoup;

/**
 * Reads from the database what the search index holds: published stories outside the newsroom's trash, scheduled ones
 * included (a search compares their time with the clock). Drafts and trashed stories are never read, and neither is
 * any story's {@code notes} column.
 */
final class IndexedStories {

    /** Which stories the index holds. */
    static final String INDEXED = "s.status = 'published' and s.published_at is not null and s.deleted_at is null";

    private static final String SELECT = """
            select s.id, s.slug, s.headline, s.summary, s.body_html, s.published_at, s.updated_at, s.developing,
                   s.image_url, s.image_alt, s.image_caption, s.image_width, s.image_height,
                   a.id as author_id, a.slug as author_slug, a.name as author_name
            from story s join author a on a.id = s.author_id
            """;

    private final Jdbc jdbc;

    IndexedStories(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Those of {@code ids} that the index should hold; the others are to be removed from it. */
    List<IndexedStory> find(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.withConnection(c -> read(
                c, SELECT + "where s.id in (" + Jdbc.placeholders(ids.size()) + ") and " + INDEXED, ids.toArray()));
    }

    /** Up to {@code limit} indexed stories with ids above {@code afterId}, in id order: one batch of a rebuild. */
    List<IndexedStory> batchAfter(long afterId, int limit) {
        return jdbc.withConnection(
                c -> read(c, SELECT + "where s.id > ? and " + INDEXED + " order by s.id limit ?", afterId, limit));
    }

    /** How many stories the index should hold. */
    long count() {
        return jdbc.count("select count(*) from story s where " + INDEXED);
    }

    private static List<IndexedStory> read(Connection c, String sql, Object... params) throws SQLException {
        List<Row> rows = Jdbc.list(c, sql, IndexedStories::row, params);
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
        return rows.stream()
                .map(r -> r.story(tags.getOrDefault(r.id(), List.of())))
                .toList();
    }

    /** A story row before its tags are known. */
    private record Row(
            long id,
            String slug,
            String headline,
            String summary,
            String bodyHtml,
            Author author,
            java.time.Instant publishedAt,
            java.time.Instant updatedAt,
            boolean developing,
            FeaturedImage image) {

        IndexedStory story(List<String> tags) {
            return new IndexedStory(
                    id,
                    slug,
                    headline,
                    summary,
                    textOf(bodyHtml),
                    author,
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
                new Author(row.getLong("author_id"), row.getString("author_slug"), row.getString("author_name"), ""),
                Jdbc.instant(row, "published_at"),
                Jdbc.instant(row, "updated_at"),
                row.getBoolean("developing"),
                image);
    }

    /** What a reader reads of the stored body: its text, without markup or link targets. */
    static String textOf(String bodyHtml) {
        return bodyHtml == null || bodyHtml.isEmpty()
                ? ""
                : Jsoup.parseBodyFragment(bodyHtml).text();
    }
}
