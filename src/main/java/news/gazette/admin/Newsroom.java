package news.gazette.admin;

import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.regex.Pattern;
import news.gazette.account.AccountBootstrap;
import news.gazette.account.AccountRepository;
import news.gazette.account.Passwords;
import news.gazette.account.SessionRepository;
import news.gazette.account.SignInThrottle;
import news.gazette.backup.OnlineBackup;
import news.gazette.backup.SiteExport;
import news.gazette.backup.StoreBackup;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import news.gazette.media.MediaHandlers;
import news.gazette.media.MediaStore;
import news.gazette.story.LiveCoverageRepository;
import news.gazette.story.Markdown;
import news.gazette.web.ClientAddress;
import news.gazette.web.Layouts;
import news.gazette.web.Pages;
import news.gazette.web.Site;

/** Wires the newsroom (accounts, editor, media) and declares its routes; {@code App.create} calls {@link #register}. */
public final class Newsroom {

    /**
     * The largest story form read: room for an image a good deal over its 10 MB limit, so that an editor who picked a
     * too-large photo gets the form back with a message next to the field and nothing typed lost; the file parts go
     * to disk beyond 1 MB. Only signed-in editors get this far (the session is checked before any body is read).
     */
    static final long MAX_STORY_FORM_BYTES = 32L * 1024 * 1024;
    /** Every other request body (sign-in, accounts, trash): small forms. */
    static final long MAX_OTHER_BYTES = 1024L * 1024;

    private final AdminAuth auth;
    private final SignInHandlers signIn;
    private final NewsroomHandlers newsroom;
    private final StoryEditorHandlers editor;
    private final ReviewHandlers review;
    private final PreviewHandlers previews;
    private final PendingChanges pendingChanges;
    private final RevisionHandlers revisions;
    private final FrontPageHandlers front;
    private final FrontPageDesk frontDesk;
    private final AuthorHandlers authors;
    private final ProfileHandlers profile;
    private final AccountHandlers accounts;
    private final MediaHandlers media;
    private final BackupHandlers backups;
    private final LiveDeskHandlers live;

    public Newsroom(
            Jdbc jdbc,
            String jdbcUrl,
            MediaStore mediaStore,
            Markdown markdown,
            Pages pages,
            Layouts readerLayouts,
            boolean https,
            String firstAdminPassword,
            Clock clock,
            ClientAddress clientAddress) {
        AccountRepository accountRepository = new AccountRepository(jdbc);
        Passwords passwords = new Passwords();
        AccountBootstrap.ensureAdministrator(accountRepository, passwords, firstAdminPassword, clock.instant());
        SessionRepository sessions = new SessionRepository(jdbc);
        Site site = readerLayouts.site();
        AdminLayouts layouts = new AdminLayouts(site);
        NewsroomStories newsroomStories = new NewsroomStories(jdbc, Database.Dialect.of(jdbcUrl));
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
        ReviewDesk reviewDesk = new ReviewDesk(jdbc);
        this.newsroom = new NewsroomHandlers(newsroomStories, reviewDesk, writer, pages, layouts, clock);
        PendingChanges pendingChanges = new PendingChanges(jdbc, markdown);
        PreviewLinks previewLinks = new PreviewLinks(jdbc);
        this.pendingChanges = pendingChanges;
        EditorView editorView =
                new EditorView(newsroomStories, reviewDesk, pendingChanges, previewLinks, pages, layouts, clock);
        this.editor = new StoryEditorHandlers(
                newsroomStories,
                reviewDesk,
                pendingChanges,
                writer,
                mediaStore,
                markdown,
                editorView,
                new PublishChecklist(jdbc),
                clock);
        this.review = new ReviewHandlers(newsroomStories, reviewDesk, editorView, clock);
        this.frontDesk = new FrontPageDesk(jdbc);
        this.front = new FrontPageHandlers(frontDesk, newsroomStories, pages, layouts, clock);
        this.authors = new AuthorHandlers(new AuthorDesk(jdbc), mediaStore, pages, layouts, clock);
        this.revisions = new RevisionHandlers(newsroomStories, reviewDesk, editorView, pages, layouts, clock);
        this.previews = new PreviewHandlers(
                newsroomStories,
                reviewDesk,
                markdown,
                previewLinks,
                pendingChanges,
                editorView,
                pages,
                readerLayouts,
                clock);
        this.profile = new ProfileHandlers(accountRepository, sessions, passwords, auth, pages, layouts, clock);
        OnlineBackup onlineBackup = new OnlineBackup(jdbc, mediaStore, jdbcUrl);
        this.accounts =
                new AccountHandlers(accountRepository, passwords, pages, layouts, clock, StoreBackup.of(jdbcUrl));
        this.backups = new BackupHandlers(new SiteExport(jdbc, mediaStore), onlineBackup, clock);
        this.media = new MediaHandlers(mediaStore);
        this.live = new LiveDeskHandlers(
                newsroomStories,
                new LiveDesk(jdbc),
                new LiveCoverageRepository(jdbc),
                mediaStore,
                markdown,
                pages,
                layouts,
                clock);
    }

    /** Publishes the pending changes whose time has come; the change poller calls it on every instance. */
    public int publishDuePendingChanges(java.time.Instant now) {
        return pendingChanges.publishDue(now);
    }

    /** Ends the pinned lead or the banner whose time is up; the change poller calls it on every instance. */
    public int endDueFrontPageControls(java.time.Instant now) {
        return frontDesk.expireDue(now);
    }

    public void register(JavalinConfig c) {
        c.http.maxRequestSize = MAX_STORY_FORM_BYTES;
        // A body declared larger than its route takes is refused at once, before a byte of it is read.
        c.routes.before(ctx -> {
            long limit = isStoryForm(ctx) ? MAX_STORY_FORM_BYTES : MAX_OTHER_BYTES;
            if (ctx.req().getContentLengthLong() > limit) {
                throw new ContentTooLargeResponse();
            }
        });
        // The image's own limit (10 MB) is the editor's to report next to the field, so the parser's are the form's.
        c.jetty.multipartConfig.maxFileSize(MAX_STORY_FORM_BYTES, SizeUnit.BYTES);
        c.jetty.multipartConfig.maxTotalRequestSize(MAX_STORY_FORM_BYTES, SizeUnit.BYTES);
        c.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
        // Jetty's own cap on form fields (200,000 bytes) would refuse a long body before the editor could say why.
        c.jetty.modifyServletContextHandler(handler -> handler.setMaxFormContentSize((int) MAX_STORY_FORM_BYTES));

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
        c.routes.post("/admin/preview", previews::bodyFragment);
        c.routes.get("/admin/stories/{id}", editor::editForm);
        c.routes.post("/admin/stories/{id}", editor::update);
        c.routes.post("/admin/stories/{id}/return", review::returnToWriter);
        c.routes.get("/admin/stories/{id}/preview", previews::newsroomPreview);
        c.routes.post("/admin/stories/{id}/preview-links", previews::createLink);
        c.routes.post("/admin/stories/{id}/preview-links/{link}/revoke", previews::revokeLink);
        c.routes.get("/preview/{token}", previews::sharedPreview);
        c.routes.post("/admin/stories/{id}/pending/discard", previews::discardPending);
        c.routes.get("/admin/stories/{id}/live", live::desk);
        c.routes.post("/admin/stories/{id}/live/start", live::start);
        c.routes.post("/admin/stories/{id}/live/end", live::end);
        c.routes.post("/admin/stories/{id}/live/entries", live::post);
        c.routes.get("/admin/stories/{id}/live/entries/{entry}/edit", live::editForm);
        c.routes.post("/admin/stories/{id}/live/entries/{entry}", live::update);
        c.routes.post("/admin/stories/{id}/live/entries/{entry}/pin", live::pin);
        c.routes.post("/admin/stories/{id}/live/entries/{entry}/unpin", live::unpin);
        c.routes.post("/admin/stories/{id}/live/entries/{entry}/delete", live::delete);
        c.routes.post("/admin/stories/{id}/trash", newsroom::trash);
        c.routes.post("/admin/stories/{id}/restore", newsroom::restore);
        c.routes.get("/admin/stories/{id}/revisions", revisions::revisions);
        c.routes.get("/admin/stories/{id}/revisions/{revision}", revisions::revision);
        c.routes.get("/admin/stories/{id}/revisions/{revision}/restore", revisions::restoreForm);
        c.routes.post("/admin/trash/empty", newsroom::emptyTrash);
        c.routes.get("/admin/front", front::form);
        c.routes.post("/admin/front/pin", front::pin);
        c.routes.post("/admin/front/unpin", front::unpin);
        c.routes.post("/admin/front/banner", front::banner);
        c.routes.post("/admin/front/banner/clear", front::clearBanner);
        c.routes.get("/admin/authors", authors::list);
        c.routes.get("/admin/authors/{id}", authors::form);
        c.routes.post("/admin/authors/{id}", authors::save);
        c.routes.get("/admin/accounts", accounts::list);
        c.routes.post("/admin/accounts", accounts::create);
        c.routes.post("/admin/accounts/{id}/delete", accounts::delete);
        c.routes.post("/admin/accounts/{id}/role", accounts::changeRole);
        c.routes.post("/admin/accounts/{id}/disable", accounts::disable);
        c.routes.post("/admin/accounts/{id}/enable", accounts::enable);
        c.routes.get("/admin/profile", profile::form);
        c.routes.post("/admin/profile", profile::saveName);
        c.routes.post("/admin/profile/password", profile::changePassword);
        c.routes.post("/admin/export", backups::export);
        c.routes.post("/admin/backup", backups::backup);
        c.routes.get("/media/{name}", media::serve);
    }

    // Compiled once: the check runs before every request, a reader's too.
    private static final Pattern STORY_FORM =
            Pattern.compile("/admin/(stories/(new|[0-9]{1,18}(/live/entries(/[0-9]{1,18})?)?)|authors/[0-9]{1,18})");

    private static boolean isStoryForm(Context ctx) {
        String path = ctx.path();
        return path.startsWith("/admin/")
                && (path.equals("/admin/preview") || STORY_FORM.matcher(path).matches());
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
