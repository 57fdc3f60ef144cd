package news.gazette.seo;

import java.time.Instant;
import java.util.List;
import news.gazette.db.Jdbc;
import news.gazette.story.JdbcStoryRepository;

/** The addresses sitemaps list: published stories by id range, recent stories, and tags that have stories. */
public final class SitemapRepository {

    /** A story's address and when it last changed. */
    /** @param language the story's own language; null for the site's */
    public record StoryUrl(
            long id, String path, String headline, Instant publishedAt, Instant lastModified, String language) {}

    private static final String COLUMNS =
            "s.id, s.slug, s.headline, s.published_at, s.updated_at, s.modified_at, s.language";

    private final Jdbc jdbc;

    public SitemapRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long countPublished(Instant now) {
        return jdbc.count("select count(*) from story s where " + JdbcStoryRepository.VISIBLE, now);
    }

    /** The highest story id: the index splits stories into id ranges, so it never has to read them. */
    public long maxStoryId() {
        return jdbc.count("select coalesce(max(id), 0) from story");
    }

    /** Published stories with {@code fromId <= id <= toId}, by id. */
    public List<StoryUrl> publishedBetween(long fromId, long toId, Instant now) {
        return jdbc.list(
                "select " + COLUMNS + " from story s where s.id between ? and ? and " + JdbcStoryRepository.VISIBLE
                        + " order by s.id",
                SitemapRepository::toUrl,
                fromId,
                toId,
                now);
    }

    /** Published since {@code since}, newest first; Google News reads at most 1,000. */
    public List<StoryUrl> publishedSince(Instant since, Instant now, int limit) {
        return jdbc.list(
                "select " + COLUMNS + " from story s where s.published_at >= ? and " + JdbcStoryRepository.VISIBLE
                        + " order by s.published_at desc, s.id desc limit ?",
                SitemapRepository::toUrl,
                since,
                now,
                limit);
    }

    /** Tags with at least one published story, as {@code /tags/slug} paths. */
    public List<String> tagPaths(Instant now) {
        return jdbc.list("""
                select t.slug from tag t
                where exists (select 1 from story_tag st join story s on s.id = st.story_id
                              where st.tag_id = t.id and %s)
                order by t.slug
                """.formatted(JdbcStoryRepository.VISIBLE), row -> "/tags/" + row.getString(1), now);
    }

    /** Authors with at least one published story (any byline of it), as {@code /authors/slug} paths. */
    public List<String> authorPaths(Instant now) {
        return jdbc.list("""
                select a.slug from author a
                where exists (select 1 from story_byline b
                              where b.author_id = a.id and b.status = 'published' and b.published_at <= ?
                                and b.deleted_at is null)
                order by a.slug
                """, row -> "/authors/" + row.getString(1), now);
    }

    private static StoryUrl toUrl(java.sql.ResultSet row) throws java.sql.SQLException {
        Instant published = Jdbc.instant(row, "published_at");
        Instant newest = published;
        for (String column : new String[] {"updated_at", "modified_at"}) {
            Instant t = Jdbc.instant(row, column);
            if (t != null && t.isAfter(newest)) {
                newest = t;
            }
        }
        return new StoryUrl(
                row.getLong("id"),
                "/articles/" + row.getString("slug"),
                row.getString("headline"),
                published,
                newest,
                row.getString("language"));
    }
}
