package news.gazette.feed;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.gazette.db.Jdbc;
import news.gazette.story.Author;
import news.gazette.story.Bylines;
import news.gazette.story.FeaturedImage;
import news.gazette.story.JdbcStoryRepository;
import news.gazette.story.LiveCoverageRepository;
import news.gazette.story.LiveEntry;
import news.gazette.story.StoryCorrection;
import news.gazette.story.StoryUpdate;
import news.gazette.story.Tag;

/**
 * The newest published stories for a feed, whole, with their tags. Selects columns by name and never {@code notes}.
 */
public final class FeedRepository {

    private static final String COLUMNS = """
            s.id, s.slug, s.headline, s.summary, s.body_html, s.published_at, s.updated_at, s.modified_at,
            s.created_at, s.image_url, s.image_alt, s.image_caption, s.image_width, s.image_height, s.language,
            """ + Bylines.AUTHOR_COLUMNS;

    /** A live story's newest entries in its item of the site's, a tag's or an author's feed. */
    static final int LIVE_ENTRIES_PER_ITEM = 20;

    private final Jdbc jdbc;

    public FeedRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first, by publication time, as every feed reader expects. */
    public List<FeedItem> newest(int limit, Instant now) {
        return items("", now, List.of(), limit);
    }

    public List<FeedItem> newestByTag(Tag tag, int limit, Instant now) {
        return items("join story_tag st on st.story_id = s.id and st.tag_id = ?", now, List.of(tag.id()), limit);
    }

    public List<FeedItem> newestByAuthor(Author author, int limit, Instant now) {
        return items(
                "join story_byline by_author on by_author.story_id = s.id and by_author.author_id = ?",
                now,
                List.of(author.id()),
                limit);
    }

    /** One visible story as a feed item, with its relations; for the story's own feed. */
    public java.util.Optional<FeedItem> story(long storyId, Instant now) {
        return items("", " and s.id = ?", now, List.of(), List.of(storyId), 1).stream()
                .findFirst();
    }

    /** {@code join} narrows the stories with its own bound {@code joinParams}; the SQL binds them before now. */
    private List<FeedItem> items(String join, Instant now, List<Object> joinParams, int limit) {
        return items(join, "", now, joinParams, List.of(), limit);
    }

    private List<FeedItem> items(
            String join, String where, Instant now, List<Object> joinParams, List<Object> whereParams, int limit) {
        String sql = "select " + COLUMNS + " from story s join author a on a.id = s.author_id " + join + " where "
                + JdbcStoryRepository.VISIBLE + where + " order by s.published_at desc, s.id desc limit ?";
        List<Object> bound = new ArrayList<>(joinParams);
        bound.add(now);
        bound.addAll(whereParams);
        bound.add(limit);
        return jdbc.withConnection(c -> withTags(c, Jdbc.list(c, sql, FeedRepository::toItem, bound.toArray())));
    }

    /** Adds bylines, tags, corrections and update notes to every item, one query each. */
    private static List<FeedItem> withTags(Connection c, List<FeedItem> items) throws SQLException {
        if (items.isEmpty()) {
            return items;
        }
        Map<Long, List<Tag>> tags = new LinkedHashMap<>();
        items.forEach(item -> tags.put(item.id(), new ArrayList<>()));
        String placeholders = String.join(", ", Collections.nCopies(items.size(), "?"));
        Jdbc.list(
                c,
                """
                select st.story_id, t.id, t.slug, t.name
                from story_tag st join tag t on t.id = st.tag_id
                where st.story_id in (%s)
                order by st.story_id, st.position, t.name
                """.formatted(placeholders),
                row -> tags.get(row.getLong("story_id"))
                        .add(new Tag(row.getLong("id"), row.getString("slug"), row.getString("name"))),
                tags.keySet().toArray());
        Map<Long, List<Author>> bylines =
                Bylines.of(c, items.stream().map(FeedItem::id).toList());
        Map<Long, List<StoryCorrection>> corrections = new LinkedHashMap<>();
        items.forEach(item -> corrections.put(item.id(), new ArrayList<>()));
        Jdbc.list(
                c,
                """
                select id, story_id, posted_at, wrong, correct from story_correction
                where story_id in (%s)
                order by posted_at desc, id desc
                """.formatted(placeholders),
                row -> corrections
                        .get(row.getLong("story_id"))
                        .add(new StoryCorrection(
                                row.getLong("id"),
                                Jdbc.instant(row, "posted_at"),
                                row.getString("wrong"),
                                row.getString("correct"))),
                corrections.keySet().toArray());
        Map<Long, List<StoryUpdate>> updates = new LinkedHashMap<>();
        items.forEach(item -> updates.put(item.id(), new ArrayList<>()));
        Jdbc.list(
                c,
                """
                select id, story_id, posted_at, note from story_update
                where story_id in (%s)
                order by posted_at desc, id desc
                """.formatted(placeholders),
                row -> updates.get(row.getLong("story_id"))
                        .add(new StoryUpdate(row.getLong("id"), Jdbc.instant(row, "posted_at"), row.getString("note"))),
                updates.keySet().toArray());
        Map<Long, List<LiveEntry>> live = LiveCoverageRepository.newest(
                c, items.stream().map(FeedItem::id).toList(), LIVE_ENTRIES_PER_ITEM);
        return items.stream()
                .map(item -> item.withRelations(
                                bylines.get(item.id()),
                                tags.get(item.id()),
                                corrections.get(item.id()),
                                updates.get(item.id()))
                        .withLive(live.getOrDefault(item.id(), List.of())))
                .toList();
    }

    private static FeedItem toItem(ResultSet row) throws SQLException {
        String imageUrl = row.getString("image_url");
        FeaturedImage image = imageUrl == null || imageUrl.isBlank()
                ? null
                : new FeaturedImage(
                        imageUrl,
                        row.getString("image_alt"),
                        row.getString("image_caption"),
                        row.getInt("image_width"),
                        row.getInt("image_height"));
        return new FeedItem(
                row.getLong("id"),
                row.getString("slug"),
                row.getString("headline"),
                row.getString("summary"),
                row.getString("body_html"),
                List.of(Bylines.toAuthor(row)),
                List.of(),
                image,
                Jdbc.instant(row, "published_at"),
                Jdbc.instant(row, "updated_at"),
                Jdbc.instant(row, "modified_at"),
                Jdbc.instant(row, "created_at"),
                List.of(),
                List.of(),
                row.getString("language"),
                List.of());
    }
}
