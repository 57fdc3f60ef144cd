package news.gazette.story;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import news.gazette.db.Jdbc;

/** {@link StoryRepository} in SQL that H2 and PostgreSQL both accept. */
public final class JdbcStoryRepository implements StoryRepository {

    private static final String CARD_COLUMNS = """
            s.id, s.slug, s.headline, s.summary, s.published_at, s.updated_at, s.developing,
            s.image_url, s.image_alt, s.image_caption, s.image_width, s.image_height,
            a.id as author_id, a.slug as author_slug, a.name as author_name, a.bio as author_bio
            """;

    /**
     * What readers may see, for a story aliased {@code s}, with {@code now} bound to its one parameter. Public so that
     * feeds, search and sitemaps apply exactly the same rule. Trashed stories keep their row until the trash is emptied.
     */
    public static final String VISIBLE = "s.status = 'published' and s.published_at <= ? and s.deleted_at is null";

    private static final int RELATED_CANDIDATES_PER_TAG = 20;

    private final Jdbc jdbc;
    // The size of each list ("page n of m"), counted once and kept until the lists change or the next scheduled story
    // goes live: a count is a walk over the whole list, which grows with the archive.
    private final Map<String, Total> totals = new ConcurrentHashMap<>();
    private final AtomicLong totalsGeneration = new AtomicLong();

    private record Total(long count, Instant validUntil) {}

    public JdbcStoryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Forgets the list sizes; called when stories joined, left or moved in the lists, on this instance or another. */
    public void forgetTotals() {
        totalsGeneration.incrementAndGet();
        totals.clear();
    }

    @Override
    public Optional<Story> findPublishedBySlug(String slug, Instant now) {
        return jdbc.withConnection(c -> {
            List<Story> found =
                    Jdbc.list(c, """
                    select s.*, a.slug as author_slug, a.name as author_name, a.bio as author_bio
                    from story s join author a on a.id = s.author_id
                    where s.slug = ? and %s
                    """.formatted(VISIBLE), JdbcStoryRepository::toStoryWithoutRelations, slug, now);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Story story = found.get(0);
            return Optional.of(withRelations(c, story));
        });
    }

    @Override
    public Optional<String> findRenamedSlug(String oldSlug, Instant now) {
        return StoryHistorySql.findRenamedSlug(jdbc, VISIBLE, oldSlug, now);
    }

    @Override
    public List<CorrectionListing> findCorrections(int limit, Instant now) {
        return StoryHistorySql.findCorrections(jdbc, VISIBLE, limit, now);
    }

    @Override
    public PageOf<StoryCard> findPublished(int page, int size, Instant now) {
        return pageOfCards(VISIBLE, page, size, now);
    }

    @Override
    public PageOf<StoryCard> findPublishedByTag(Tag tag, int page, int size, Instant now) {
        // A semi-join, so the database can walk the publication-time index and test membership per story.
        String where = "s.id in (select st.story_id from story_tag st where st.tag_id = ?) and " + VISIBLE;
        return pageOfCards(where, page, size, tag.id(), now);
    }

    @Override
    public PageOf<StoryCard> findPublishedByAuthor(Author author, int page, int size, Instant now) {
        return pageOfCards("s.author_id = ? and " + VISIBLE, page, size, author.id(), now);
    }

    /**
     * Ranks the newest stories of each of the story's tags by how many tags they share with it. Looking only at the
     * newest few per tag keeps this a handful of index walks, whatever the size of the archive.
     */
    @Override
    public List<StoryCard> findRelated(Story story, int limit, Instant now) {
        Map<Long, StoryCard> cards = new LinkedHashMap<>();
        Map<Long, Integer> shared = new LinkedHashMap<>();
        for (Tag tag : story.tags()) {
            String where = "s.id in (select st.story_id from story_tag st where st.tag_id = ?) and " + VISIBLE;
            for (StoryCard card : newestCards(where, RELATED_CANDIDATES_PER_TAG, tag.id(), now)) {
                if (card.id() != story.id()) {
                    cards.putIfAbsent(card.id(), card);
                    shared.merge(card.id(), 1, Integer::sum);
                }
            }
        }
        return cards.values().stream()
                .sorted(Comparator.comparing((StoryCard card) -> shared.get(card.id()))
                        .reversed()
                        .thenComparing(StoryCard::publishedAt, Comparator.reverseOrder())
                        .thenComparing(StoryCard::id, Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }

    @Override
    public List<Tag> findSections(int limit, Instant now) {
        return jdbc.list("""
                select t.id, t.slug, t.name, count(*) as stories
                from tag t
                join story_tag st on st.tag_id = t.id
                join story s on s.id = st.story_id
                where %s
                group by t.id, t.slug, t.name
                order by stories desc, t.name
                limit ?
                """.formatted(VISIBLE), JdbcStoryRepository::toTag, now, limit);
    }

    @Override
    public Optional<Tag> findTag(String slug) {
        return jdbc.first("select id, slug, name from tag where slug = ?", JdbcStoryRepository::toTag, slug);
    }

    @Override
    public Optional<Author> findAuthor(String slug) {
        return jdbc.first("select id, slug, name, bio from author where slug = ?", JdbcStoryRepository::toAuthor, slug);
    }

    @Override
    public Author findOrCreateAuthor(String name) {
        String slug = Slug.from(name).value();
        return findAuthor(slug).orElseGet(() -> {
            try {
                long id = jdbc.withConnection(
                        c -> Jdbc.insert(c, "insert into author (slug, name) values (?, ?)", slug, name.strip()));
                return new Author(id, slug, name.strip(), "");
            } catch (Jdbc.DataAccessException e) {
                // Another request created the same author a moment ago.
                if (Jdbc.isConstraintViolation(e)) {
                    return findAuthor(slug).orElseThrow(() -> e);
                }
                throw e;
            }
        });
    }

    @Override
    public void addUpdate(long storyId, Instant postedAt, String note) {
        jdbc.inTransaction(c -> {
            Jdbc.insert(
                    c,
                    "insert into story_update (story_id, posted_at, note) values (?, ?, ?)",
                    storyId,
                    postedAt,
                    note);
            StoryChanges.recordContent(c, storyId, postedAt);
            return Jdbc.update(c, "update story set updated_at = ? where id = ?", postedAt, storyId);
        });
    }

    /**
     * One page of visible stories matching {@code where} (over {@code story s}), newest first. The page's ids come
     * from the publication-time index alone (ordering by {@code status} first lets the database use it for sorting);
     * only those few rows are then read in full.
     */
    private PageOf<StoryCard> pageOfCards(String where, int page, int size, Object... params) {
        return jdbc.withConnection(c -> {
            long total = total(c, where, params);
            Object[] pageParams = Arrays.copyOf(params, params.length + 2);
            pageParams[params.length] = size;
            pageParams[params.length + 1] = (long) (page - 1) * size;
            List<Long> ids = Jdbc.list(
                    c,
                    "select s.id from story s where " + where
                            + " order by s.status, s.published_at desc, s.id desc limit ? offset ?",
                    row -> row.getLong(1),
                    pageParams);
            return new PageOf<>(withTags(c, cardsInOrder(c, ids)), page, size, total);
        });
    }

    /** The newest {@code size} visible stories matching {@code where}, without counting the whole list. */
    private List<StoryCard> newestCards(String where, int size, Object... params) {
        return jdbc.withConnection(c -> {
            Object[] pageParams = Arrays.copyOf(params, params.length + 1);
            pageParams[params.length] = size;
            List<Long> ids = Jdbc.list(
                    c,
                    "select s.id from story s where " + where
                            + " order by s.status, s.published_at desc, s.id desc limit ?",
                    row -> row.getLong(1),
                    pageParams);
            return withTags(c, cardsInOrder(c, ids));
        });
    }

    /** The number of stories matching {@code where}; its last parameter is always the current time. */
    private long total(Connection c, String where, Object... params) throws SQLException {
        Instant now = (Instant) params[params.length - 1];
        String key = where + Arrays.toString(Arrays.copyOf(params, params.length - 1));
        Total known = totals.get(key);
        if (known != null && now.isBefore(known.validUntil())) {
            return known.count();
        }
        long generation = totalsGeneration.get();
        long count = Jdbc.list(c, "select count(*) from story s where " + where, row -> row.getLong(1), params)
                .get(0);
        List<Instant> next = Jdbc.list(c, """
                select published_at from story
                where status = 'published' and published_at > ? and deleted_at is null
                order by published_at limit 1""", row -> Jdbc.instant(row, "published_at"), now);
        totals.put(key, new Total(count, next.isEmpty() ? Instant.MAX : next.get(0)));
        // A change counted in between would have been missed: forget this total again.
        if (totalsGeneration.get() != generation) {
            totals.remove(key);
        }
        return count;
    }

    private static List<StoryCard> cardsInOrder(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, StoryCard> byId = new HashMap<>();
        Jdbc.list(
                        c,
                        "select " + CARD_COLUMNS + " from story s join author a on a.id = s.author_id where s.id in ("
                                + placeholders(ids.size()) + ")",
                        JdbcStoryRepository::toCard,
                        ids.toArray())
                .forEach(card -> byId.put(card.id(), card));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Loads the tags of all cards in one query instead of one per card. */
    private static List<StoryCard> withTags(Connection c, List<StoryCard> cards) throws SQLException {
        if (cards.isEmpty()) {
            return cards;
        }
        Map<Long, List<Tag>> tagsByStory = new LinkedHashMap<>();
        cards.forEach(card -> tagsByStory.put(card.id(), new ArrayList<>()));
        Jdbc.list(
                c,
                """
                select st.story_id, t.id, t.slug, t.name
                from story_tag st join tag t on t.id = st.tag_id
                where st.story_id in (%s)
                order by st.story_id, st.position, t.name
                """.formatted(placeholders(cards.size())),
                row -> tagsByStory.get(row.getLong("story_id")).add(toTag(row)),
                tagsByStory.keySet().toArray());
        return cards.stream()
                .map(card -> card.withTags(tagsByStory.get(card.id())))
                .toList();
    }

    static Story withRelations(Connection c, Story story) throws SQLException {
        List<Tag> tags = Jdbc.list(c, """
                select t.id, t.slug, t.name from story_tag st join tag t on t.id = st.tag_id
                where st.story_id = ? order by st.position, t.name
                """, JdbcStoryRepository::toTag, story.id());
        List<StoryUpdate> updates = Jdbc.list(
                c,
                "select id, posted_at, note from story_update where story_id = ? order by posted_at desc, id desc",
                row -> new StoryUpdate(row.getLong("id"), Jdbc.instant(row, "posted_at"), row.getString("note")),
                story.id());
        return new Story(
                story.id(),
                story.slug(),
                story.headline(),
                story.summary(),
                story.bodyMarkdown(),
                story.author(),
                story.status(),
                story.developing(),
                story.publishedAt(),
                story.updatedAt(),
                story.createdAt(),
                story.modifiedAt(),
                story.image(),
                story.notes(),
                story.version(),
                tags,
                updates,
                StoryHistorySql.corrections(c, story.id()));
    }

    static Story toStoryWithoutRelations(ResultSet row) throws SQLException {
        return new Story(
                row.getLong("id"),
                row.getString("slug"),
                row.getString("headline"),
                row.getString("summary"),
                row.getString("body_markdown"),
                toAuthorColumns(row),
                StoryStatus.fromDb(row.getString("status")),
                row.getBoolean("developing"),
                Jdbc.instant(row, "published_at"),
                Jdbc.instant(row, "updated_at"),
                Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "modified_at"),
                toImage(row),
                row.getString("notes"),
                row.getInt("version"),
                List.of(),
                List.of(),
                List.of());
    }

    private static StoryCard toCard(ResultSet row) throws SQLException {
        return new StoryCard(
                row.getLong("id"),
                row.getString("slug"),
                row.getString("headline"),
                row.getString("summary"),
                toAuthorColumns(row),
                Jdbc.instant(row, "published_at"),
                Jdbc.instant(row, "updated_at"),
                row.getBoolean("developing"),
                toImage(row),
                List.of());
    }

    private static FeaturedImage toImage(ResultSet row) throws SQLException {
        String url = row.getString("image_url");
        if (url == null || url.isBlank()) {
            return null;
        }
        return new FeaturedImage(
                url,
                row.getString("image_alt"),
                row.getString("image_caption"),
                row.getInt("image_width"),
                row.getInt("image_height"));
    }

    private static Author toAuthorColumns(ResultSet row) throws SQLException {
        return new Author(
                row.getLong("author_id"),
                row.getString("author_slug"),
                row.getString("author_name"),
                row.getString("author_bio"));
    }

    private static Author toAuthor(ResultSet row) throws SQLException {
        return new Author(row.getLong("id"), row.getString("slug"), row.getString("name"), row.getString("bio"));
    }

    private static Tag toTag(ResultSet row) throws SQLException {
        return new Tag(row.getLong("id"), row.getString("slug"), row.getString("name"));
    }
}
