package news.gazette.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Headers every response carries. The Content-Security-Policy allows no inline script or style at all, so injected
 * markup cannot run even if it ever got past the Markdown sanitiser.
 */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "img-src 'self' https: data:",
            "style-src 'self'",
            "script-src 'self'",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private final List<Map.Entry<String, String>> headers;

    public SecurityHeaders(boolean https) {
        List<Map.Entry<String, String>> all = new ArrayList<>(List.of(
                Map.entry("Content-Security-Policy", CONTENT_SECURITY_POLICY),
                Map.entry("X-Content-Type-Options", "nosniff"),
                Map.entry("Referrer-Policy", "strict-origin-when-cross-origin"),
                Map.entry("X-Frame-Options", "DENY"),
                Map.entry("Permissions-Policy", "interest-cohort=(), camera=(), microphone=(), geolocation=()"),
                Map.entry("Vary", "Accept-Encoding")));
        if (https) {
            all.add(Map.entry("Strict-Transport-Security", "max-age=31536000; includeSubDomains"));
        }
        this.headers = List.copyOf(all);
    }

    /** The headers, in order; the page cache's fast path sends these same ones, encoded once. */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    public void apply(Context ctx) {
        for (Map.Entry<String, String> header : headers) {
            ctx.header(header.getKey(), header.getValue());
        }
    }
}
