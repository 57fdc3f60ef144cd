package news.gazette.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty refuses before Javalin sees the request (a malformed URI or percent-encoding, a NUL byte, headers
 * that are too large, an unknown HTTP version) with a bare page naming the status and nothing else: Jetty's own page
 * echoes the parser's message and names the internal {@code /badMessage} path.
 */
public final class BareErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        headers(headers);
        response.write(true, ByteBuffer.wrap(page(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        headers(fields);
        return ByteBuffer.wrap(page(status));
    }

    private static void headers(HttpFields.Mutable headers) {
        headers.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        headers.put(new HttpField(HttpHeader.CACHE_CONTROL, "no-store"));
        headers.put("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    static byte[] page(int status) {
        String title = status + " " + HttpStatus.getMessage(status);
        return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                        + "</title></head>\n<body><h1>" + title
                        + "</h1><p>This request could not be handled. Check the address and try again.</p>"
                        + "<p><a href=\"/\">Front page</a></p></body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
