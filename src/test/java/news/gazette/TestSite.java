package news.gazette;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import news.gazette.account.AccountRepository;
import news.gazette.account.Passwords;
import news.gazette.account.Role;
import news.gazette.admin.NewsroomStories;
import news.gazette.admin.StoryDraft;
import news.gazette.admin.StoryWriter;
import news.gazette.cache.PageCache;
import news.gazette.cache.SiteChangePoller;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import news.gazette.story.FeaturedImage;
import news.gazette.story.JdbcStoryRepository;
import news.gazette.story.Markdown;
import news.gazette.story.Slug;
import news.gazette.story.Story;
import news.gazette.story.StoryRepository;
import news.gazette.story.StoryStatus;

/** An in-process site on a throwaway in-memory database, plus direct access to its store for arranging tests. */
public final class TestSite {

    public final Config config;
    public final Javalin app;
    public final StoryRepository stories;
    public final AccountRepository accounts;
    public final Jdbc jdbc;
    private final Database db;

    private static final Markdown MARKDOWN = new Markdown();

    /** The password of the first account, {@code admin}, on every test site. */
    public static final String ADMIN_PASSWORD = "correct horse battery staple";

    private TestSite(Config config, Clock clock) {
        this.config = config;
        this.app = App.create(config, clock);
        this.db = Database.open(config.jdbcUrl(), config.dataDir());
        this.jdbc = new Jdbc(db.dataSource());
        this.stories = new JdbcStoryRepository(jdbc);
        this.accounts = new AccountRepository(jdbc);
    }

    public static TestSite create() {
        return create(Clock.systemUTC());
    }

    public static TestSite create(Clock clock) {
        return new TestSite(testConfig(), clock);
    }

    /** A test site whose config {@code change} adjusts (a cache in front, say). */
    public static TestSite create(java.util.function.UnaryOperator<Config> change) {
        return new TestSite(change.apply(testConfig()), Clock.systemUTC());
    }

    /** A test site whose config {@code change} adjusts, on {@code clock}. */
    public static TestSite create(Clock clock, java.util.function.UnaryOperator<Config> change) {
        return new TestSite(change.apply(testConfig()), clock);
    }

    private static Config testConfig() {
        return Config.forTest().withJdbcUrl(TestDatabases.fresh("test")).withAdminPassword(ADMIN_PASSWORD);
    }

    /** Adds an account with {@code password}. */
    public void addAccount(String username, String password, Role role) {
        accounts.create(username, new Passwords().hash(password), role, Instant.now());
    }

    public long count(String sql) {
        return jdbc.count(sql);
    }

    /** Publishes a story with the given headline at {@code publishedAt} and returns its slug. */
    public String publish(String headline, Instant publishedAt, String... tags) {
        return save(headline, StoryStatus.PUBLISHED, publishedAt, "Body of " + headline + ".", tags);
    }

    public String save(String headline, StoryStatus status, Instant publishedAt, String body, String... tags) {
        Slug slug = Slug.from(headline);
        new StoryWriter(jdbc)
                .create(
                        new StoryDraft(
                                slug,
                                headline,
                                "Summary of " + headline,
                                body,
                                MARKDOWN.render(body),
                                "Test Reporter",
                                status,
                                false,
                                publishedAt,
                                new FeaturedImage(
                                        "/assets/img/launch-broken-connection.svg",
                                        "Alt of " + headline,
                                        "",
                                        1200,
                                        675),
                                "secret newsroom note about " + headline,
                                List.of(tags),
                                "",
                                null),
                        "test",
                        Instant.now());
        applyChanges();
        return slug.value();
    }

    /** A draft that saves {@code story} as it is, for tests that change one thing about it. */
    public static StoryDraft draftOf(Story story) {
        return new StoryDraft(
                new Slug(story.slug()),
                story.headline(),
                story.summary(),
                story.bodyMarkdown(),
                MARKDOWN.render(story.bodyMarkdown()),
                String.join(", ", story.authors().stream().map(a -> a.name()).toList()),
                story.status(),
                story.developing(),
                story.publishedAt(),
                story.image(),
                story.notes(),
                story.tags().stream().map(tag -> tag.name()).toList(),
                "",
                null);
    }

    /** Posts an update note on story {@code id} at {@code at}, as an editor's save with "What changed" does. */
    public void postUpdate(long id, Instant at, String note) {
        Story story = new NewsroomStories(jdbc).findById(id).orElseThrow();
        StoryDraft draft = draftOf(story);
        StoryDraft withNote = new StoryDraft(
                draft.slug(),
                draft.headline(),
                draft.summary(),
                draft.bodyMarkdown(),
                draft.bodyHtml(),
                draft.authorName(),
                draft.status(),
                draft.developing(),
                draft.publishedAt(),
                draft.image(),
                draft.notes(),
                draft.tagNames(),
                note,
                null);
        if (new StoryWriter(jdbc).update(id, story.version(), withNote, "test", at) != StoryWriter.Outcome.SAVED) {
            throw new IllegalStateException("update note not saved on story " + id);
        }
    }

    /** As {@link #rename}, marked as a minor edit (a typo fixed): readers are not told it was updated. */
    public void renameMinor(long id, String headline) {
        rename(
                id,
                headline,
                new StoryWriter.SavedBy("test", 0, news.gazette.admin.ReviewDesk.ReviewStep.KEEP, null, false, true));
    }

    /** Saves story {@code id} with a new body, as an editor's (substantive) save would. */
    public void rewrite(long id, String body) {
        Story story = new NewsroomStories(jdbc).findById(id).orElseThrow();
        StoryDraft d = draftOf(story);
        StoryDraft rewritten = new StoryDraft(
                d.slug(),
                d.headline(),
                d.summary(),
                body,
                MARKDOWN.render(body),
                d.authorName(),
                d.status(),
                d.developing(),
                d.publishedAt(),
                d.image(),
                d.notes(),
                d.tagNames(),
                "",
                null);
        if (new StoryWriter(jdbc).update(id, story.version(), rewritten, "test", Instant.now())
                != StoryWriter.Outcome.SAVED) {
            throw new IllegalStateException("story " + id + " not rewritten");
        }
    }

    /** Saves story {@code id} with a new headline (its address stays), as an editor's save would. */
    public void rename(long id, String headline) {
        rename(id, headline, StoryWriter.SavedBy.tool("test"));
    }

    private void rename(long id, String headline, StoryWriter.SavedBy savedBy) {
        Story story = new NewsroomStories(jdbc).findById(id).orElseThrow();
        StoryDraft draft = draftOf(story);
        StoryDraft renamed = new StoryDraft(
                draft.slug(),
                headline,
                draft.summary(),
                draft.bodyMarkdown(),
                draft.bodyHtml(),
                draft.authorName(),
                draft.status(),
                draft.developing(),
                draft.publishedAt(),
                draft.image(),
                draft.notes(),
                draft.tagNames(),
                "",
                null);
        if (new StoryWriter(jdbc).update(id, story.version(), renamed, savedBy, Instant.now())
                != StoryWriter.Outcome.SAVED) {
            throw new IllegalStateException("story " + id + " not renamed");
        }
    }

    /**
     * Makes the site apply the changes written to its database behind its back now, rather than at its next poll
     * (a fifth of a second later), as another instance's writes would be.
     */
    public void applyChanges() {
        app.unsafe.appDataManager.get(SiteChangePoller.KEY).pollNow();
    }

    /** The site's page cache, to tell cached pages from rendered ones. */
    public PageCache pageCache() {
        return app.unsafe.appDataManager.get(PageCache.KEY);
    }
}
