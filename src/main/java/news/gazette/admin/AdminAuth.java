package news.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import news.gazette.account.Account;
import news.gazette.account.SessionRepository;
import news.gazette.account.SessionRepository.SignedIn;

/**
 * The newsroom's door, run before every {@code /admin} route. Anonymous page requests are sent to sign in; anonymous
 * or forged actions (POST without the session's CSRF token, or from another origin) are refused before any handler
 * runs, so they change nothing.
 */
public final class AdminAuth {

    public static final String COOKIE = "gazette_session";
    public static final String CSRF_FIELD = "csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SIGNED_IN = "gazette.signedIn";
    private static final Pattern SAFE_NEXT =
            Pattern.compile("/admin(?:/[A-Za-z0-9/_\\-]*)?(?:\\?[A-Za-z0-9=&_%+\\-]*)?");

    private final SessionRepository sessions;
    private final Clock clock;
    private final boolean https;

    public AdminAuth(SessionRepository sessions, Clock clock, boolean https) {
        this.sessions = sessions;
        this.clock = clock;
        this.https = https;
    }

    public void check(Context ctx) {
        // private too: no shared cache keeps a newsroom answer, even one that ignores no-store.
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("X-Robots-Tag", "noindex");
        boolean post = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD;
        if (post && !isSameOrigin(ctx)) {
            throw new ForbiddenResponse();
        }
        if (ctx.path().equals("/admin/login")) {
            return; // the sign-in form checks its own input and is throttled
        }
        Optional<SignedIn> session = sessions.find(ctx.cookie(COOKIE), clock.instant());
        if (session.isEmpty()) {
            if (post) {
                throw new ForbiddenResponse();
            }
            String here = ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
            ctx.redirect("/admin/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
            ctx.skipRemainingHandlers();
            return;
        }
        if (post && !tokenMatches(ctx, session.get().csrfToken())) {
            throw new ForbiddenResponse();
        }
        ctx.attribute(SIGNED_IN, session.get());
    }

    /** The signed-in session of a request that passed {@link #check}. */
    public static SignedIn signedIn(Context ctx) {
        SignedIn s = ctx.attribute(SIGNED_IN);
        if (s == null) {
            throw new ForbiddenResponse();
        }
        return s;
    }

    public static Account account(Context ctx) {
        return signedIn(ctx).account();
    }

    /** Refuses anyone but an administrator. */
    public static void requireAdministrator(Context ctx) {
        if (!account(ctx).isAdministrator()) {
            throw new ForbiddenResponse();
        }
    }

    /** A {@code next} target that stays inside the newsroom; anything else (other sites, {@code //x}) goes home. */
    public static String safeNext(String next) {
        return next != null && SAFE_NEXT.matcher(next).matches() ? next : "/admin";
    }

    public void startSession(Context ctx, String cookieValue) {
        ctx.header("Set-Cookie", cookie(cookieValue, (int) SessionRepository.LIFETIME.toSeconds()));
    }

    public void endSession(Context ctx) {
        sessions.delete(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", cookie("", 0));
    }

    private String cookie(String value, int maxAge) {
        // Strict: the newsroom is never entered from a link on another site with the session attached.
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (https ? "; Secure" : "");
    }

    private static boolean tokenMatches(Context ctx, String expected) {
        String given = ctx.header(CSRF_HEADER);
        if (given == null) {
            given = ctx.formParam(CSRF_FIELD);
        }
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** Browsers send Origin on every POST; when it is there it must be this site. */
    private static boolean isSameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.isBlank()) {
            return true;
        }
        try {
            URI uri = new URI(origin);
            String host = ctx.header("Host");
            String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && host.equalsIgnoreCase(originHost);
        } catch (Exception e) {
            return false;
        }
    }
}
