package news.gazette;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import news.gazette.story.Author;
import news.gazette.story.FeaturedImage;
import news.gazette.story.JdbcStoryRepository;
import news.gazette.story.Slug;
import news.gazette.story.StoryDraft;
import news.gazette.story.StoryRepository;
import news.gazette.story.StoryStatus;

/** An in-process site on a throwaway in-memory database, plus direct access to its store for arranging tests. */
public final class TestSite {

    public final Config config;
    public final Javalin app;
    public final StoryRepository stories;
    private final Database db;

    private TestSite(Config config, Clock clock) {
        this.config = config;
        this.app = App.create(config, clock);
        this.db = Database.open(config.jdbcUrl(), config.dataDir());
        this.stories = new JdbcStoryRepository(new Jdbc(db.dataSource()));
    }

    public static TestSite create() {
        return new TestSite(Config.forTest(), Clock.systemUTC());
    }

    public static TestSite create(Clock clock) {
        return new TestSite(Config.forTest(), clock);
    }

    /** Publishes a story with the given headline at {@code publishedAt} and returns its slug. */
    public String publish(String headline, Instant publishedAt, String... tags) {
        return save(headline, StoryStatus.PUBLISHED, publishedAt, "Body of " + headline + ".", tags);
    }

    public String save(String headline, StoryStatus status, Instant publishedAt, String body, String... tags) {
        Author author = stories.findOrCreateAuthor("Test Reporter");
        Slug slug = Slug.from(headline);
        stories.insert(
                new StoryDraft(
                        slug,
                        headline,
                        "Summary of " + headline,
                        body,
                        author.id(),
                        status,
                        false,
                        publishedAt,
                        new FeaturedImage(
                                "/assets/img/launch-broken-connection.svg", "Alt of " + headline, "", 1200, 675),
                        "secret newsroom note about " + headline,
                        List.of(tags)),
                Instant.now());
        return slug.value();
    }
}
