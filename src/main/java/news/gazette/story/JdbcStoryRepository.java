package news.gazette.story;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.gazette.db.Jdbc;

/** {@link StoryRepository} in SQL that H2 and PostgreSQL both accept. */
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

    /**
     * Copies the tag listing (V43) of stories whose tags were written behind {@link StoryWriter}'s back, such as a
     * generated archive or an import; called once at start-up, before serving.
     */
    public void repairTagListing() {
        jdbc.inTransaction(c -> {
            TagWriter.repairListing(c);
            return null;
        });
    }

    /** Forgets the list sizes; called when stories joined, left or moved in the lists, on this instance or another. */
    public void forgetTotals() {
        lists.forgetTotals();
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
        return lists.published(page, size, now);
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

    static FeaturedImage toImage(ResultSet row) throws SQLException {
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

    static Author toAuthorColumns(ResultSet row) throws SQLException {
        return new Author(
                row.getLong("author_id"),
                row.getString("author_slug"),
                row.getString("author_name"),
                row.getString("author_bio"));
    }

    private static Author toAuthor(ResultSet row) throws SQLException {
        return new Author(row.getLong("id"), row.getString("slug"), row.getString("name"), row.getString("bio"));
    }

    static Tag toTag(ResultSet row) throws SQLException {
        return new Tag(row.getLong("id"), row.getString("slug"), row.getString("name"));
    }
}
