package news.gazette.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import news.gazette.account.AccountBootstrap;
import news.gazette.account.AccountRepository;
import news.gazette.account.Passwords;
import news.gazette.account.SessionRepository;
import news.gazette.account.SignInThrottle;
import news.gazette.backup.OnlineBackup;
import news.gazette.backup.SiteExport;
import news.gazette.db.Jdbc;
import news.gazette.media.MediaHandlers;
import news.gazette.media.MediaStore;
import news.gazette.story.Markdown;
import news.gazette.story.NewsroomStories;
import news.gazette.story.StoryRepository;
import news.gazette.story.StoryWriter;
import news.gazette.web.ClientAddress;
import news.gazette.web.Pages;
import news.gazette.web.Site;

/** Wires the newsroom (accounts, editor, media) and declares its routes; {@code App.create} calls {@link #register}. */
public final class Newsroom {

    static final long MAX_REQUEST_BYTES = 12L * 1024 * 1024;

    private final AdminAuth auth;
    private final SignInHandlers signIn;
    private final NewsroomHandlers newsroom;
    private final StoryEditorHandlers editor;
    private final AccountHandlers accounts;
    private final MediaHandlers media;
    private final BackupHandlers backups;

    public Newsroom(
            Jdbc jdbc,
            String jdbcUrl,
            StoryRepository stories,
            MediaStore mediaStore,
            Markdown markdown,
            Pages pages,
            Site site,
            boolean https,
            String firstAdminPassword,
            Clock clock,
            ClientAddress clientAddress) {
        AccountRepository accountRepository = new AccountRepository(jdbc);
        Passwords passwords = new Passwords();
        AccountBootstrap.ensureAdministrator(accountRepository, passwords, firstAdminPassword, clock.instant());
        SessionRepository sessions = new SessionRepository(jdbc);
        AdminLayouts layouts = new AdminLayouts(site);
        NewsroomStories newsroomStories = new NewsroomStories(jdbc);
        StoryWriter writer = new StoryWriter(jdbc);
        this.auth = new AdminAuth(sessions, clock, https);
        this.signIn = new SignInHandlers(
                accountRepository,
                sessions,
                new SignInThrottle(jdbc),
                passwords,
                auth,
                pages,
                site,
                clock,
                clientAddress);
        this.newsroom = new NewsroomHandlers(newsroomStories, writer, pages, layouts, clock);
        this.editor =
                new StoryEditorHandlers(newsroomStories, writer, stories, mediaStore, markdown, pages, layouts, clock);
        OnlineBackup onlineBackup = new OnlineBackup(jdbc, mediaStore, jdbcUrl);
        this.accounts =
                new AccountHandlers(accountRepository, passwords, pages, layouts, clock, onlineBackup.isAvailable());
        this.backups = new BackupHandlers(new SiteExport(jdbc, mediaStore), onlineBackup, clock);
        this.media = new MediaHandlers(mediaStore);
    }

    public void register(JavalinConfig c) {
        // Room for a 10 MB image plus the story's text; anything larger is refused before it is read.
        c.http.maxRequestSize = MAX_REQUEST_BYTES;
        // A body declared larger is refused at once, instead of waiting for bytes that will be refused anyway.
        c.routes.before(ctx -> {
            if (ctx.req().getContentLengthLong() > MAX_REQUEST_BYTES) {
                throw new ContentTooLargeResponse();
            }
        });
        c.jetty.multipartConfig.maxFileSize(MediaStore.MAX_BYTES, SizeUnit.BYTES);
        c.jetty.multipartConfig.maxTotalRequestSize(12, SizeUnit.MB);
        c.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);

        // An upload over the limits fails while Jetty parses the form; answer 413, not a server error.
        c.routes.exception(jakarta.servlet.ServletException.class, (e, ctx) -> {
            ctx.status(isTooLarge(e) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
        });
        c.routes.before("/admin", auth::check);
        c.routes.before("/admin/<rest>", auth::check);
        c.routes.get("/admin/login", signIn::form);
        c.routes.post("/admin/login", signIn::signIn);
        c.routes.post("/admin/logout", signIn::signOut);
        c.routes.get("/admin", newsroom::dashboard);
        c.routes.get("/admin/stories", newsroom::list);
        c.routes.get("/admin/stories/new", editor::newForm);
        c.routes.post("/admin/stories/new", editor::create);
        c.routes.post("/admin/preview", editor::preview);
        c.routes.get("/admin/stories/{id}", editor::editForm);
        c.routes.post("/admin/stories/{id}", editor::update);
        c.routes.post("/admin/stories/{id}/trash", newsroom::trash);
        c.routes.post("/admin/stories/{id}/restore", newsroom::restore);
        c.routes.get("/admin/stories/{id}/revisions", newsroom::revisions);
        c.routes.get("/admin/stories/{id}/revisions/{revision}", newsroom::revision);
        c.routes.post("/admin/trash/empty", newsroom::emptyTrash);
        c.routes.get("/admin/accounts", accounts::list);
        c.routes.post("/admin/accounts", accounts::create);
        c.routes.post("/admin/accounts/{id}/delete", accounts::delete);
        c.routes.post("/admin/export", backups::export);
        c.routes.post("/admin/backup", backups::backup);
        c.routes.get("/media/{name}", media::serve);
    }

    private static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("exceeded")) {
                return true;
            }
        }
        return false;
    }
}
