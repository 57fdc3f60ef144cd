package news.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import news.gazette.account.AccountRepository;
import news.gazette.account.AccountRepository.Credentials;
import news.gazette.account.Passwords;
import news.gazette.account.SessionRepository;
import news.gazette.account.SignInThrottle;
import news.gazette.web.ClientAddress;
import news.gazette.web.Pages;
import news.gazette.web.Site;

/** Signing in and out of the newsroom. */
public final class SignInHandlers {

    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final SignInThrottle throttle;
    private final Passwords passwords;
    private final AdminAuth auth;
    private final Pages pages;
    private final Site site;
    private final Clock clock;
    private final ClientAddress clientAddress;

    public SignInHandlers(
            AccountRepository accounts,
            SessionRepository sessions,
            SignInThrottle throttle,
            Passwords passwords,
            AdminAuth auth,
            Pages pages,
            Site site,
            Clock clock,
            ClientAddress clientAddress) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.passwords = passwords;
        this.auth = auth;
        this.pages = pages;
        this.site = site;
        this.clock = clock;
        this.clientAddress = clientAddress;
    }

    public void form(Context ctx) {
        render(ctx, "", ctx.queryParam("next"), null);
    }

    public void signIn(Context ctx) {
        String username = trimmed(ctx.formParam("username")).toLowerCase(Locale.ROOT);
        String password = ctx.formParam("password");
        String next = ctx.formParam("next");
        Instant now = clock.instant();
        InetAddress address = clientAddress.of(ctx);
        Optional<SignInThrottle.Refusal> refusal = throttle.begin(username, address, now);
        if (refusal.isPresent()) {
            long seconds = refusal.get().retryAfterSeconds(now);
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            ctx.header("Retry-After", String.valueOf(seconds));
            render(ctx, username, next, "Too many failed sign-ins. Try again in " + inWords(seconds) + ".");
            return;
        }
        Optional<Credentials> found = accounts.findCredentials(username);
        boolean ok;
        if (found.isPresent()) {
            ok = passwords.matches(password, found.get().passwordHash());
        } else {
            passwords.matchDecoy(password);
            ok = false;
        }
        if (!ok) {
            // begin() counted this attempt as a failure already; only a success takes that back.
            ctx.status(HttpStatus.UNAUTHORIZED);
            render(ctx, username, next, "That user name and password do not match.");
            return;
        }
        throttle.succeeded(username, address);
        if (found.get().account().disabled()) {
            // Said only to someone who knows the password: the account exists, and an administrator can enable it.
            ctx.status(HttpStatus.FORBIDDEN);
            render(ctx, username, next, "This account is disabled. Ask an administrator to enable it.");
            return;
        }
        // Whatever cookie came in is dropped: a new id at every sign-in, so a planted id is worth nothing.
        sessions.delete(ctx.cookie(AdminAuth.COOKIE));
        SessionRepository.NewSession session = sessions.create(found.get().account(), now);
        auth.startSession(ctx, session.cookieValue());
        ctx.redirect(AdminAuth.safeNext(next), HttpStatus.SEE_OTHER);
    }

    public void signOut(Context ctx) {
        auth.endSession(ctx);
        ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String username, String next, String message) {
        var layout = new AdminLayout(site, "Sign in", null, null, "login");
        pages.render(ctx, "admin/login.jte", new LoginPage(layout, username, AdminAuth.safeNext(next), message));
    }

    /** Roughly how long: seconds under a minute, else whole minutes rounded up, so nobody comes back too early. */
    private static String inWords(long seconds) {
        if (seconds < 60) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
