package news.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import news.gazette.account.Account;
import news.gazette.account.AccountRepository;
import news.gazette.account.Passwords;
import news.gazette.account.SessionRepository;
import news.gazette.text.PlainText;
import news.gazette.web.Pages;

/** Every account's own page: the name on its bylines and its password. */
public final class ProfileHandlers {

    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final Passwords passwords;
    private final AdminAuth auth;
    private final Pages pages;
    private final AdminLayouts layouts;
    private final Clock clock;

    public ProfileHandlers(
            AccountRepository accounts,
            SessionRepository sessions,
            Passwords passwords,
            AdminAuth auth,
            Pages pages,
            AdminLayouts layouts,
            Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.passwords = passwords;
        this.auth = auth;
        this.pages = pages;
        this.layouts = layouts;
        this.clock = clock;
    }

    public void form(Context ctx) {
        Account me = AdminAuth.account(ctx);
        String notice = ctx.queryParam("name") != null
                ? "Your byline name is saved."
                : ctx.queryParam("password") != null
                        ? "Your password is changed; other sessions are signed out."
                        : null;
        render(ctx, me.displayName(), new FormErrors(), notice);
    }

    public void saveName(Context ctx) {
        Account me = AdminAuth.account(ctx);
        String raw = ctx.formParam("display_name");
        String name = raw == null ? "" : PlainText.line(raw).strip();
        FormErrors errors = new FormErrors();
        errors.checkLength("display_name", "The name", name, Account.MAX_DISPLAY_NAME);
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, name, errors, null);
            return;
        }
        accounts.setDisplayName(me.id(), name);
        ctx.redirect("/admin/profile?name=1", HttpStatus.SEE_OTHER);
    }

    /** Needs the current password; ends every session of the account, then starts a new one here. */
    public void changePassword(Context ctx) {
        Account me = AdminAuth.account(ctx);
        String current = ctx.formParam("current_password");
        String next = ctx.formParam("new_password");
        FormErrors errors = new FormErrors();
        boolean known = accounts.findCredentials(me.username())
                .map(c -> current != null && passwords.matches(current, c.passwordHash()))
                .orElse(false);
        if (!known) {
            errors.add("current_password", "That is not your current password.");
        }
        String problem = Passwords.problemWith(next);
        if (problem != null) {
            errors.add("new_password", problem);
        } else if (!next.equals(ctx.formParam("repeat_password"))) {
            errors.add("repeat_password", "The two new passwords differ.");
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, me.displayName(), errors, null);
            return;
        }
        accounts.changePassword(me.username(), passwords.hash(next));
        auth.startSession(ctx, sessions.create(me, clock.instant()).cookieValue());
        ctx.redirect("/admin/profile?password=1", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String displayName, FormErrors errors, String notice) {
        pages.render(
                ctx,
                "admin/profile.jte",
                new ProfilePage(layouts.of(ctx, "Your account", "profile"), displayName, errors, notice));
    }
}
