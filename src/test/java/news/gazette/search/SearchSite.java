package news.gazette.search;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import news.gazette.App;
import news.gazette.Config;
import news.gazette.TestDatabases;
import news.gazette.admin.NewsroomStories;
import news.gazette.admin.StoryDraft;
import news.gazette.admin.StoryWriter;
import news.gazette.cache.SiteChangePoller;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import news.gazette.story.Markdown;
import news.gazette.story.Slug;
import news.gazette.story.Story;
import news.gazette.story.StoryStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A running site on an H2 file in a test's folder, with its search index beside it, that can be stopped and started
 * again as a new {@code App.create} on the same database and index, as a restarted server would be.
 */
final class SearchSite implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Markdown MARKDOWN = new Markdown();

    final Config config;
    final Jdbc jdbc;
    private final Clock clock;
    private final Database db;
    private Javalin app;

    private SearchSite(Config config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.app = App.create(config, clock).start(0);
        this.db = Database.open(config.jdbcUrl(), config.dataDir());
        this.jdbc = new Jdbc(db.dataSource());
    }

    /** A site on a new database file in {@code folder}. */
    static SearchSite start(Path folder, Clock clock) {
        return new SearchSite(fileConfig(folder), clock);
    }

    /** Another instance of {@code config}'s database with a search index of its own in {@code indexFolder}. */
    static SearchSite another(Config config, Path indexFolder, Clock clock) {
        return new SearchSite(config.withSearchIndexDir(indexFolder), clock);
    }

    static Config fileConfig(Path folder) {
        return new Config(
                "127.0.0.1",
                0,
                folder,
                "http://127.0.0.1",
                // The H2 file under the folder, or a new PostgreSQL database when the tests run against PostgreSQL.
                TestDatabases.isPostgres() ? TestDatabases.fresh("search") : null,
                null,
                null,
                null,
                null,
                null,
                null,
                "a password",
                null);
    }

    void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    /** Starts the site again: a new app on the same database and index folder. */
    void restart() {
        stop();
        app = App.create(config, clock).start(0);
    }

    SearchIndex.Opening opening() {
        return app.unsafe.appDataManager.get(SearchIndex.KEY).opening();
    }

    /** Saves a new story through the newsroom's writer and lets this instance apply the change at once. */
    long save(String headline, String body, StoryStatus status, Instant publishedAt, String... tags) {
        return save(headline, "A report from the search desk.", body, status, publishedAt, "", tags);
    }

    long save(
            String headline,
            String summary,
            String body,
            StoryStatus status,
            Instant publishedAt,
            String notes,
            String... tags) {
        long id = new StoryWriter(jdbc)
                .create(
                        new StoryDraft(
                                Slug.from(headline),
                                headline,
                                summary,
                                body,
                                MARKDOWN.render(body),
                                "Search Desk",
                                status,
                                false,
                                publishedAt,
                                null,
                                notes,
                                List.of(tags),
                                "",
                                null),
                        "test",
                        Instant.now())
                .orElseThrow();
        applyChanges();
        return id;
    }

    /** Saves a published story and lets the background poll find it, as another instance's save would be found. */
    void saveWithoutPolling(String headline, String body, Instant publishedAt) {
        new StoryWriter(jdbc)
                .create(
                        new StoryDraft(
                                Slug.from(headline),
                                headline,
                                "",
                                body,
                                MARKDOWN.render(body),
                                "Search Desk",
                                StoryStatus.PUBLISHED,
                                false,
                                publishedAt,
                                null,
                                "",
                                List.of(),
                                "",
                                null),
                        "test",
                        Instant.now())
                .orElseThrow();
    }

    /** Saves story {@code id} again with {@code change} applied to its current draft. */
    void edit(long id, java.util.function.UnaryOperator<StoryDraft> change) {
        Story story = new NewsroomStories(jdbc).findById(id).orElseThrow();
        StoryDraft draft = change.apply(news.gazette.TestSite.draftOf(story));
        if (new StoryWriter(jdbc).update(id, story.version(), draft, "test", Instant.now())
                != StoryWriter.Outcome.SAVED) {
            throw new IllegalStateException("story " + id + " not saved");
        }
        applyChanges();
    }

    void trash(long id) {
        new StoryWriter(jdbc).trash(id, Instant.now());
        applyChanges();
    }

    /** As the newsroom does after each of its POSTs. */
    void applyChanges() {
        if (app != null) {
            app.unsafe.appDataManager.get(SiteChangePoller.KEY).pollNow();
        }
    }

    HttpResponse<String> get(String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Document search(String query) {
        return Jsoup.parse(get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .body());
    }

    /** The addresses of the stories a search finds, in rank order. */
    List<String> found(String query) {
        return search(query).select(".search-result h2 a").eachAttr("href");
    }

    @Override
    public void close() {
        stop();
        db.close();
    }
}
