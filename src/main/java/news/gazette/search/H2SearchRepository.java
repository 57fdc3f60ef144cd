package news.gazette.search;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import news.gazette.db.Jdbc;
import news.gazette.story.Author;
import news.gazette.story.FeaturedImage;
import news.gazette.story.JdbcStoryRepository;
import news.gazette.story.PageOf;
import news.gazette.story.StoryCard;

/**
 * Search on H2 over the {@code search_term} index. Stories must contain every term; the score adds up each term's
 * weight, and newer stories come first among equal scores. Ranking reads only the index, starting from the rarest
 * term; the story table is read for the stories of the requested page alone.
 */
public final class H2SearchRepository implements SearchRepository {

    static final int SNIPPET_CHARS = 240;

    private final Jdbc jdbc;

    public H2SearchRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PageOf<SearchResult> search(SearchQuery query, int page, int size, Instant now) {
        if (query.terms().isEmpty()) {
            return new PageOf<>(List.of(), page, size, 0);
        }
        Set<String> termSet = new HashSet<>(query.terms());
        return jdbc.withConnection(c -> {
            // Drive the join from the rarest term, so a search costs what its rarest word costs.
            List<String> terms = new ArrayList<>(query.terms());
            if (terms.size() > 1) {
                Map<String, Long> postings = new HashMap<>();
                for (String term : terms) {
                    postings.put(term, countOne(c, term, now));
                }
                terms.sort(Comparator.comparing(postings::get));
            }
            Matches matches = matches(terms, now);
            long total = Jdbc.list(c, "select count(*) " + matches.from(), row -> row.getLong(1), matches.params())
                    .get(0);
            List<Object> pageParams = new ArrayList<>(List.of(matches.params()));
            pageParams.add(size);
            pageParams.add((long) (page - 1) * size);
            // The ranking reads only the index; the story table is read for this page's stories alone.
            List<long[]> ranked = Jdbc.list(
                    c,
                    "select t0.story_id, " + matches.score() + " as score " + matches.from()
                            + " order by score desc, t0.published_at desc, t0.story_id desc limit ? offset ?",
                    row -> new long[] {row.getLong(1), row.getLong(2)},
                    pageParams.toArray());
            return new PageOf<>(load(c, ranked, termSet, now), page, size, total);
        });
    }

    private static long countOne(Connection c, String term, Instant now) throws SQLException {
        return Jdbc.list(
                        c,
                        "select count(*) from search_term use index (search_term_rank_idx)"
                                + " where term = ? and published_at <= ?",
                        row -> row.getLong(1),
                        term,
                        now)
                .get(0);
    }

    /** The FROM and WHERE of a search for all of {@code terms}; only placeholders are added, terms are bound. */
    private record Matches(String from, String score, Object[] params) {}

    private static Matches matches(List<String> terms, Instant now) {
        // H2's planner, left alone, joins on the rank index by term only and reads every posting of the term for
        // each row; the hints pin the indexes that make each step a lookup.
        StringBuilder from = new StringBuilder("from search_term t0 use index (")
                .append(terms.size() == 1 ? "search_term_rank_idx" : "search_term_term_idx")
                .append(")");
        StringBuilder score = new StringBuilder("t0.weight");
        List<Object> params = new ArrayList<>();
        for (int i = 1; i < terms.size(); i++) {
            from.append(
                    " join search_term t%d use index (search_term_term_idx) on t%d.story_id = t0.story_id and t%d.term = ?"
                            .formatted(i, i, i));
            score.append(" + t").append(i).append(".weight");
            params.add(terms.get(i));
        }
        from.append(" where t0.term = ? and t0.published_at <= ?");
        params.add(terms.get(0));
        params.add(now);
        return new Matches(from.toString(), score.toString(), params.toArray());
    }

    /** The ranked stories, in rank order, still subject to the same visibility rule as every reader page. */
    private static List<SearchResult> load(Connection c, List<long[]> ranked, Set<String> terms, Instant now)
            throws SQLException {
        if (ranked.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> scores = new LinkedHashMap<>();
        ranked.forEach(r -> scores.put(r[0], (int) r[1]));
        List<Object> params = new ArrayList<>(scores.keySet());
        params.add(now);
        Map<Long, SearchResult> byId = new HashMap<>();
        Jdbc.list(
                c,
                """
                select s.id, s.slug, s.headline, s.summary, s.body_html, s.published_at, s.updated_at,
                       s.developing, s.image_url, s.image_alt, s.image_caption, s.image_width, s.image_height,
                       a.id as author_id, a.slug as author_slug, a.name as author_name, a.bio as author_bio
                from story s join author a on a.id = s.author_id
                where s.id in (%s) and %s
                """.formatted(String.join(", ", Collections.nCopies(scores.size(), "?")), JdbcStoryRepository.VISIBLE),
                row -> byId.put(row.getLong("id"), toResult(row, terms, scores.get(row.getLong("id")))),
                params.toArray());
        return scores.keySet().stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static SearchResult toResult(ResultSet row, Set<String> terms, int score) throws SQLException {
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
        String body = SearchIndex.bodyText(row.getString("body_html"));
        String text = Highlighted.mentions(body, terms) || card.summary().isBlank() ? body : card.summary();
        return new SearchResult(
                card,
                Highlighted.of(card.headline(), terms),
                Highlighted.snippet(text.strip(), terms, SNIPPET_CHARS),
                score);
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
