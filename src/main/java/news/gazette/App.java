package news.gazette;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import java.io.PrintWriter;
import java.time.Clock;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import news.gazette.feed.FeedEntries;
import news.gazette.feed.FeedFormat;
import news.gazette.feed.FeedHandlers;
import news.gazette.feed.FeedRepository;
import news.gazette.search.H2SearchRepository;
import news.gazette.search.SearchHandlers;
import news.gazette.search.SearchRepository;
import news.gazette.seo.SitemapHandlers;
import news.gazette.seo.SitemapRepository;
import news.gazette.story.JdbcStoryRepository;
import news.gazette.story.Markdown;
import news.gazette.story.StoryHandlers;
import news.gazette.story.StoryRepository;
import news.gazette.web.Assets;
import news.gazette.web.ErrorPages;
import news.gazette.web.Layouts;
import news.gazette.web.Pages;
import news.gazette.web.RequestLog;
import news.gazette.web.SecurityHeaders;
import news.gazette.web.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Wires Gazette together. {@link #create} builds a server that is not yet started; tests start it in-process. */
public final class App {

    private static final Logger log = LoggerFactory.getLogger(App.class);
    private static final int SECTIONS_IN_NAV = 6;

    private App() {}

    public static Javalin create(Config config) {
        return create(config, Clock.systemUTC());
    }

    /** As {@link #create(Config)}, with the clock that decides when scheduled stories appear. */
    public static Javalin create(Config config, Clock clock) {
        Database db = Database.open(config.jdbcUrl(), config.dataDir());
        Jdbc jdbc = new Jdbc(db.dataSource());
        StoryRepository stories = new JdbcStoryRepository(jdbc);
        SearchRepository search = switch (db.dialect()) {
            case H2 -> H2SearchRepository.install(jdbc);
            case POSTGRESQL ->
                throw new IllegalStateException(
                        "search on PostgreSQL needs its tsvector implementation (see docs/ARCHITECTURE.md)");
        };
        Site site = new Site(
                config.siteName(),
                config.siteDescription(),
                config.language(),
                config.baseUrl(),
                Assets.load(config.staticDir()));
        Layouts layouts = new Layouts(site, () -> stories.findSections(SECTIONS_IN_NAV, clock.instant()));
        Pages pages = new Pages(config.templatesDir());
        Markdown markdown = new Markdown();
        StoryHandlers storyPages = new StoryHandlers(stories, markdown, pages, layouts, clock);
        FeedHandlers feeds =
                new FeedHandlers(stories, new FeedRepository(jdbc), new FeedEntries(site, markdown), site, clock);
        SearchHandlers searchPages = new SearchHandlers(search, pages, layouts, clock);
        SitemapHandlers sitemaps =
                new SitemapHandlers(new SitemapRepository(jdbc), site, clock, SitemapHandlers.PART_SIZE);
        ErrorPages errorPages = new ErrorPages(pages, layouts);
        SecurityHeaders securityHeaders = new SecurityHeaders(config.isHttps());

        return Javalin.create(c -> {
            c.jetty.host = config.host();
            c.startup.showJavalinBanner = false;
            c.http.generateEtags = true;
            c.requestLogger.http(RequestLog::line);
            c.events.serverStopped(db::close);

            c.routes.before(securityHeaders::apply);
            c.routes.get("/", storyPages::front);
            c.routes.get("/page/{n}", storyPages::frontArchive);
            c.routes.get("/articles/{slug}", storyPages::show);
            c.routes.get("/tags/{slug}", storyPages::tag);
            c.routes.get("/tags/{slug}/page/{n}", storyPages::tag);
            c.routes.get("/authors/{slug}", storyPages::author);
            c.routes.get("/authors/{slug}/page/{n}", storyPages::author);
            c.routes.get("/search", searchPages::results);
            for (FeedFormat format : FeedFormat.values()) {
                c.routes.get(format.path(), feeds.site(format));
                c.routes.get("/tags/{slug}" + format.path(), feeds.tag(format));
                c.routes.get("/authors/{slug}" + format.path(), feeds.author(format));
            }
            c.routes.get("/rss", ctx -> ctx.redirect(FeedFormat.RSS.path(), HttpStatus.MOVED_PERMANENTLY));
            c.routes.get("/feed", ctx -> ctx.redirect(FeedFormat.RSS.path(), HttpStatus.MOVED_PERMANENTLY));
            c.routes.get("/sitemap.xml", sitemaps::sitemap);
            c.routes.get("/sitemaps/{name}", sitemaps::part);
            c.routes.get("/news-sitemap.xml", sitemaps::news);
            c.routes.get("/robots.txt", sitemaps::robots);
            c.routes.get("/assets/<path>", site.assets()::serve);
            c.routes.get(
                    "/favicon.ico", ctx -> ctx.redirect(site.asset("img/favicon.svg"), HttpStatus.MOVED_PERMANENTLY));
            c.routes.get(
                    "/healthz",
                    ctx -> ctx.contentType("text/plain; charset=utf-8").result("ok"));
            errorPages.register(c);
        });
    }

    public static void main(String[] args) {
        CommandLineOptions options = new CommandLineOptions();
        CommandLine cli = CommandLineOptions.commandLine(options, System.getenv());
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            fail(e.getMessage());
            return;
        }
        if (cli.isUsageHelpRequested() || cli.isVersionHelpRequested()) {
            PrintWriter out = new PrintWriter(System.out, true);
            if (cli.isUsageHelpRequested()) {
                cli.usage(out);
            } else {
                cli.printVersionHelp(out);
            }
            return;
        }
        Config config;
        try {
            config = options.toConfig();
        } catch (Config.InvalidConfigException e) {
            fail(e.getMessage());
            return;
        }
        try {
            Javalin app = create(config).start(config.port());
            Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "gazette-shutdown"));
            log.info("Gazette is serving at {}/ (listening on {}:{})", config.baseUrl(), config.host(), app.port());
        } catch (RuntimeException e) {
            log.error("Gazette could not start: {}", rootMessage(e));
            log.debug("start-up failure", e);
            System.exit(1);
        }
    }

    private static void fail(String message) {
        System.err.println("gazette: " + message);
        System.err.println("Run with --help to see the options.");
        System.exit(2);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
