package news.gazette.story;

import static news.gazette.story.JdbcStoryRepository.VISIBLE;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

/**
 * The reader's lists of stories: the front page and its archive, a tag's and an author's pages, related stories and the
 * sections. Each page's ids are read from an index that holds every column of {@link JdbcStoryRepository#VISIBLE}
 * (V42), so the rows a deep page skips are index entries, never story rows; only the stories shown are read in full.
 */
final class StoryLists {

    private static final String CARD_COLUMNS = """
            s.id, s.slug, s.headline, s.summary, s.published_at, s.updated_at, s.developing,
            s.image_url, s.image_alt, s.image_caption, s.image_width, s.image_height,
            """ + Bylines.AUTHOR_COLUMNS;
    // The order of the publication-time indexes (story_visible_idx, story_byline_visible_idx): with the leading columns
    // fixed by equality, the database walks the index instead of sorting.
    private static final String NEWEST_FIRST = " order by s.status, s.published_at desc, s.id desc";
    private static final String AUTHOR_NEWEST_FIRST =
            " order by s.author_id, s.status, s.published_at desc, s.story_id desc";
    private static final String TAG_NEWEST_FIRST = " order by s.tag_id, s.status, s.published_at desc, s.story_id desc";
    private static final int RELATED_CANDIDATES_PER_TAG = 20;
    private static final int NEWEST_TAGS_KEPT = 2_000;

    private final Jdbc jdbc;
    // The size of each list ("page n of m"), counted once and kept until the lists change or the next scheduled story
    // goes live: a count is a walk over the whole list, which grows with the archive.
    private final Map<String, Total> totals = new ConcurrentHashMap<>();
    private final AtomicLong totalsGeneration = new AtomicLong();

    // The newest cards of each tag, which every article of the tag shows among its related stories: read once and
    // kept until any change (a card's headline or image may be the change) or the next scheduled story goes live.
    // Derived from the database alone, and forgotten on the change log's word, so every instance agrees within a
    // second.
    private final Cache<Long, Newest> newestByTag = Caffeine.newBuilder()
            .executor(Runnable::run)
            .maximumSize(NEWEST_TAGS_KEPT)
            .build();
    private final AtomicLong cardsGeneration = new AtomicLong();

    private record Total(long count, Instant validUntil) {}

    private record Newest(List<StoryCard> cards, int asked, Instant validUntil) {}

    StoryLists(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void forgetTotals() {
        totalsGeneration.incrementAndGet();
        totals.clear();
    }

    /** Forgets the cards kept for related stories; any change to any story, author or tag may show on them. */
    void forgetCards() {
        cardsGeneration.incrementAndGet();
        newestByTag.invalidateAll();
    }

    PageOf<StoryCard> published(int page, int size, Instant now) {
        return pageOfCards(VISIBLE, NEWEST_FIRST, page, size, now);
    }

    /**
     * From story_tag_listing (V43), which copies the columns {@link JdbcStoryRepository#VISIBLE} tests, so the same rule
     * applies to it under the alias {@code s}: a walk over this tag's own index entries.
     */
    PageOf<StoryCard> byTag(Tag tag, int page, int size, Instant now) {
        return pageOfCards(
                "story_tag_listing s",
                "s.story_id",
                "s.tag_id = ? and " + VISIBLE,
                TAG_NEWEST_FIRST,
                page,
                size,
                tag.id(),
                now);
    }

    /** From story_byline (V65), which copies the visibility columns as story_tag_listing does: co-written included. */
    PageOf<StoryCard> byAuthor(Author author, int page, int size, Instant now) {
        return pageOfCards(
                "story_byline s",
                "s.story_id",
                "s.author_id = ? and " + VISIBLE,
                AUTHOR_NEWEST_FIRST,
                page,
                size,
                author.id(),
                now);
    }

    /**
     * Ranks the newest stories of each of the story's tags by how many tags they share with it. Looking only at the
     * newest few per tag keeps this a handful of index walks, whatever the size of the archive.
     */
    List<StoryCard> related(Story story, int limit, Instant now) {
        Map<Long, StoryCard> cards = new LinkedHashMap<>();
        Map<Long, Integer> shared = new LinkedHashMap<>();
        for (Tag tag : story.tags()) {
            for (StoryCard card : newestInTag(tag, RELATED_CANDIDATES_PER_TAG, now)) {
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

    /**
     * The tags with the most visible stories. Still a walk over every tag's listing (story_tag_listing_visible_idx,
     * index entries only, never story rows); the caller keeps the result until the lists change.
     */
    List<Tag> sections(int limit, Instant now) {
        return jdbc.list("""
                select t.id, t.slug, t.name, n.stories
                from (select s.tag_id, count(*) as stories from story_tag_listing s where %s group by s.tag_id) n
                join tag t on t.id = n.tag_id
                order by n.stories desc, t.name
                limit ?
                """.formatted(VISIBLE), StoryRows::toTag, now, limit);
    }

    /**
     * One page of visible stories matching {@code where} (over {@code story s}) in {@code order}. The page's ids come
     * from the index alone, the rows skipped by the offset included; only those few rows are then read in full.
     */
    private PageOf<StoryCard> pageOfCards(String where, String order, int page, int size, Object... params) {
        return pageOfCards("story s", "s.id", where, order, page, size, params);
    }

    /** The same, over {@code from} (aliased {@code s}) whose column {@code id} is the story's id. */
    private PageOf<StoryCard> pageOfCards(
            String from, String id, String where, String order, int page, int size, Object... params) {
        return jdbc.withConnection(c -> {
            long total = total(c, from, where, params);
            Object[] pageParams = Arrays.copyOf(params, params.length + 2);
            pageParams[params.length] = size;
            pageParams[params.length + 1] = (long) (page - 1) * size;
            List<Long> ids = Jdbc.list(
                    c,
                    "select " + id + " from " + from + " where " + where + order + " limit ? offset ?",
                    row -> row.getLong(1),
                    pageParams);
            return new PageOf<>(withTags(c, cardsInOrder(c, ids)), page, size, total);
        });
    }

    /** The newest {@code size} visible stories with {@code tag}, without counting the whole list. */
    private List<StoryCard> newestInTag(Tag tag, int size, Instant now) {
        Newest known = newestByTag.getIfPresent(tag.id());
        if (known != null && now.isBefore(known.validUntil()) && known.asked() >= size) {
            return known.cards().subList(0, Math.min(size, known.cards().size()));
        }
        long generation = cardsGeneration.get();
        Newest read = jdbc.withConnection(c -> {
            List<Long> ids = Jdbc.list(
                    c,
                    "select s.story_id from story_tag_listing s where s.tag_id = ? and " + VISIBLE + TAG_NEWEST_FIRST
                            + " limit ?",
                    row -> row.getLong(1),
                    tag.id(),
                    now,
                    size);
            Instant next = nextScheduled(c, now);
            return new Newest(withTags(c, cardsInOrder(c, ids)), size, next == null ? Instant.MAX : next);
        });
        newestByTag.put(tag.id(), read);
        // A change in between may not be in what was read: keep nothing this time.
        if (cardsGeneration.get() != generation) {
            newestByTag.invalidate(tag.id());
        }
        return read.cards();
    }

    /** The number of stories matching {@code where}; its last parameter is always the current time. */
    private long total(Connection c, String from, String where, Object... params) throws SQLException {
        Instant now = (Instant) params[params.length - 1];
        String key = from + where + Arrays.toString(Arrays.copyOf(params, params.length - 1));
        Total known = totals.get(key);
        if (known != null && now.isBefore(known.validUntil())) {
            return known.count();
        }
        long generation = totalsGeneration.get();
        long count = Jdbc.list(c, "select count(*) from " + from + " where " + where, row -> row.getLong(1), params)
                .get(0);
        Instant next = nextScheduled(c, now);
        totals.put(key, new Total(count, next == null ? Instant.MAX : next));
        // A change counted in between would have been missed: forget this total again.
        if (totalsGeneration.get() != generation) {
            totals.remove(key);
        }
        return count;
    }

    /** When the next scheduled story goes live (one index lookup), or null if none is waiting. */
    static Instant nextScheduled(Connection c, Instant now) throws SQLException {
        List<Instant> next = Jdbc.list(c, """
                select s.published_at from story s
                where s.status = 'published' and s.published_at > ? and s.deleted_at is null
                order by s.status, s.published_at limit 1""", row -> Jdbc.instant(row, "published_at"), now);
        return next.isEmpty() ? null : next.get(0);
    }

    /** One story's card with its tags, for a lead the editors pinned. */
    Optional<StoryCard> card(long id) {
        return jdbc.withConnection(c ->
                withTags(c, cardsInOrder(c, List.of(id))).stream().findFirst());
    }

    private static List<StoryCard> cardsInOrder(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, StoryCard> byId = new HashMap<>();
        Jdbc.list(
                        c,
                        "select " + CARD_COLUMNS + " from story s join author a on a.id = s.author_id where s.id in ("
                                + Jdbc.placeholders(ids.size()) + ")",
                        StoryLists::toCard,
                        ids.toArray())
                .forEach(card -> byId.put(card.id(), card));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** Loads the bylines and tags of all cards in one query each instead of one per card. */
    private static List<StoryCard> withTags(Connection c, List<StoryCard> cards) throws SQLException {
        if (cards.isEmpty()) {
            return cards;
        }
        Map<Long, List<Author>> bylines =
                Bylines.of(c, cards.stream().map(StoryCard::id).toList());
        Map<Long, List<Tag>> tagsByStory = new LinkedHashMap<>();
        cards.forEach(card -> tagsByStory.put(card.id(), new ArrayList<>()));
        Jdbc.list(
                c,
                """
                select st.story_id, t.id, t.slug, t.name
                from story_tag st join tag t on t.id = st.tag_id
                where st.story_id in (%s)
                order by st.story_id, st.position, t.name
                """.formatted(Jdbc.placeholders(cards.size())),
                row -> tagsByStory.get(row.getLong("story_id")).add(StoryRows.toTag(row)),
                tagsByStory.keySet().toArray());
        return cards.stream()
                .map(card -> card.withAuthors(bylines.get(card.id())).withTags(tagsByStory.get(card.id())))
                .toList();
    }

    private static StoryCard toCard(ResultSet row) throws SQLException {
        return new StoryCard(
                row.getLong("id"),
                row.getString("slug"),
                row.getString("headline"),
                row.getString("summary"),
                List.of(Bylines.toAuthor(row)),
                Jdbc.instant(row, "published_at"),
                Jdbc.instant(row, "updated_at"),
                row.getBoolean("developing"),
                StoryRows.toImage(row),
                List.of());
    }
}
