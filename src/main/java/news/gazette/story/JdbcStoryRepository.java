package news.gazette.story;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.gazette.db.Jdbc;

/** {@link StoryRepository} in SQL that H2 and PostgreSQL both accept: reads only; the newsroom owns every write. */
public final class JdbcStoryRepository implements StoryRepository {

    /**
     * What readers may see, for a story aliased {@code s}, with {@code now} bound to its one parameter. Public so that
     * feeds, search and sitemaps apply exactly the same rule. Trashed stories keep their row until the trash is emptied.
     */
    public static final String VISIBLE = "s.status = 'published' and s.published_at <= ? and s.deleted_at is null";

    private final Jdbc jdbc;
    private final StoryLists lists;

    public JdbcStoryRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.lists = new StoryLists(jdbc);
    }

    /** Forgets the list sizes; called when stories joined, left or moved in the lists, on this instance or another. */
    public void forgetTotals() {
        lists.forgetTotals();
    }

    /** Forgets the story cards kept for related stories; called on every change, on this instance or another. */
    public void forgetCards() {
        lists.forgetCards();
    }

    @Override
    public Optional<Story> findPublishedBySlug(String slug, Instant now) {
        return jdbc.withConnection(c -> {
            List<Story> found = Jdbc.list(
                    c, StoryRows.STORY_WITH_AUTHOR + "where s.slug = ? and " + VISIBLE, StoryRows::toStory, slug, now);
            return found.isEmpty() ? Optional.empty() : Optional.of(StoryRows.withRelations(c, found.get(0)));
        });
    }

    @Override
    public Optional<String> findRenamedSlug(String oldSlug, Instant now) {
        return StoryHistorySql.findRenamedSlug(jdbc, VISIBLE, oldSlug, now);
    }

    @Override
    public List<PublicRevision> findPublicRevisions(Story story, int limit) {
        return StoryHistorySql.publicRevisions(jdbc, story.id(), story.publishedAt(), limit);
    }

    @Override
    public List<CorrectionListing> findCorrections(int limit, Instant now) {
        return StoryHistorySql.findCorrections(jdbc, VISIBLE, limit, now);
    }

    @Override
    public PageOf<StoryCard> findPublished(int page, int size, Instant now) {
        return lists.published(page, size, now);
    }

    @Override
    public Optional<StoryCard> findCard(long id) {
        return lists.card(id);
    }

    @Override
    public PageOf<StoryCard> findPublishedByTag(Tag tag, int page, int size, Instant now) {
        return lists.byTag(tag, page, size, now);
    }

    @Override
    public PageOf<StoryCard> findPublishedByAuthor(Author author, int page, int size, Instant now) {
        return lists.byAuthor(author, page, size, now);
    }

    @Override
    public List<StoryCard> findRelated(Story story, int limit, Instant now) {
        return lists.related(story, limit, now);
    }

    @Override
    public List<Tag> findSections(int limit, Instant now) {
        return lists.sections(limit, now);
    }

    @Override
    public Optional<Tag> findTag(String slug) {
        return jdbc.first("select id, slug, name from tag where slug = ?", StoryRows::toTag, slug);
    }

    @Override
    public Optional<Author> findAuthor(String slug) {
        return jdbc.first(
                "select " + Bylines.AUTHOR_COLUMNS + " from author a where a.slug = ?", Bylines::toAuthor, slug);
    }
}
