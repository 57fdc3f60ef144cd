package news.gazette.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import news.gazette.db.Jdbc;
import news.gazette.story.Author;
import news.gazette.story.FeaturedImage;
import news.gazette.story.JdbcStoryRepository;
import news.gazette.story.PageOf;
import news.gazette.story.StoryCard;

/**
 * Search on H2 over the {@code search_term} index. Each query term is a primary-key lookup; stories must contain
 * every term; the score adds up each term's weight, and newer stories come first among equal scores.
 */
public final class H2SearchRepository implements SearchRepository {

    static final int SNIPPET_CHARS = 240;

    private static final String TRIGGER = H2SearchIndexTrigger.class.getName();

    private final Jdbc jdbc;

    private H2SearchRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Installs the triggers that keep the index current (replacing any from an older build, so they always name this
     * build's class) and indexes any story that has no terms yet.
     */
    public static H2SearchRepository install(Jdbc jdbc) {
        jdbc.inTransaction(c -> {
            for (String table : List.of("story", "story_tag")) {
                String name = table + "_search_index";
                Jdbc.update(c, "drop trigger if exists " + name);
                String events = table.equals("story") ? "insert, update" : "insert, delete";
                Jdbc.update(
                        c,
                        "create trigger " + name + " after " + events + " on " + table + " for each row call '"
                                + TRIGGER + "'");
            }
            return null;
        });
        SearchIndex.indexMissing(jdbc);
        return new H2SearchRepository(jdbc);
    }

    @Override
    public PageOf<SearchResult> search(SearchQuery query, int page, int size, Instant now) {
        List<String> terms = query.terms();
        if (terms.isEmpty()) {
            return new PageOf<>(List.of(), page, size, 0);
        }
        // Only placeholders are added to the SQL; the terms themselves are bound.
        StringBuilder matches = new StringBuilder("select t0.story_id, t0.weight");
        for (int i = 1; i < terms.size(); i++) {
            matches.append(" + t").append(i).append(".weight");
        }
        matches.append(" as score from search_term t0");
        for (int i = 1; i < terms.size(); i++) {
            matches.append(" join search_term t")
                    .append(i)
                    .append(" on t")
                    .append(i)
                    .append(".story_id = t0.story_id and t")
                    .append(i)
                    .append(".term = ?");
        }
        matches.append(" where t0.term = ?");
        List<Object> params = new ArrayList<>(terms.subList(1, terms.size()));
        params.add(terms.get(0));
        params.add(now);
        String from = "from (" + matches + ") m join story s on s.id = m.story_id"
                + " join author a on a.id = s.author_id where " + JdbcStoryRepository.VISIBLE;
        Set<String> termSet = new HashSet<>(terms);
        return jdbc.withConnection(c -> {
            long total = Jdbc.list(c, "select count(*) " + from, row -> row.getLong(1), params.toArray())
                    .get(0);
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(size);
            pageParams.add((long) (page - 1) * size);
            List<SearchResult> results =
                    Jdbc.list(c, """
                    select m.score, s.id, s.slug, s.headline, s.summary, s.body_markdown, s.published_at, s.updated_at,
                           s.developing, s.image_url, s.image_alt, s.image_caption, s.image_width, s.image_height,
                           a.id as author_id, a.slug as author_slug, a.name as author_name, a.bio as author_bio
                    %s
                    order by m.score desc, s.published_at desc, s.id desc
                    limit ? offset ?
                    """.formatted(from), row -> toResult(row, termSet), pageParams.toArray());
            return new PageOf<>(results, page, size, total);
        });
    }

    private static SearchResult toResult(ResultSet row, Set<String> terms) throws SQLException {
        StoryCard card = new StoryCard(
                row.getLong("id"),
                row.getString("slug"),
                row.getString("headline"),
                row.getString("summary"),
                new Author(
                        row.getLong("author_id"),
                        row.getString("author_slug"),
                        row.getString("author_name"),
                        row.getString("author_bio")),
                Jdbc.instant(row, "published_at"),
                Jdbc.instant(row, "updated_at"),
                row.getBoolean("developing"),
                image(row),
                List.of());
        // The body shows the matches in context; when only the headline, summary or tags matched, the summary
        // explains the story best.
        String body = SearchIndex.bodyText(row.getString("body_markdown"));
        String text = Highlighted.mentions(body, terms) || card.summary().isBlank() ? body : card.summary();
        return new SearchResult(
                card,
                Highlighted.of(card.headline(), terms),
                Highlighted.snippet(text.strip(), terms, SNIPPET_CHARS),
                row.getInt("score"));
    }

    private static FeaturedImage image(ResultSet row) throws SQLException {
        String url = row.getString("image_url");
        return url == null || url.isBlank()
                ? null
                : new FeaturedImage(
                        url,
                        row.getString("image_alt"),
                        row.getString("image_caption"),
                        row.getInt("image_width"),
                        row.getInt("image_height"));
    }
}
