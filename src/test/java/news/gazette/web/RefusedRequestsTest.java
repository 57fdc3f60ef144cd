package news.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import news.gazette.TestSite;
import org.junit.jupiter.api.Test;

/**
 * Requests that Jetty refuses before any route runs (malformed URIs, NUL bytes, oversized headers, unknown versions)
 * and bodies declared too large: each gets a clean page with the site's security headers, no server name or version,
 * and no parser message.
 */
class RefusedRequestsTest {

    private static final String[][] CASES = {
        {"GET /% HTTP/1.1\r\nHost: x\r\n", "400"},
        {"GET /a%zz HTTP/1.1\r\nHost: x\r\n", "400"},
        {"GET /a\u0000b HTTP/1.1\r\nHost: x\r\n", "400"},
        {"GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n", "400"},
        {"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n", "400"},
        {"GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n", "414"},
        {"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n", "431"},
        {"GET / HTTP/9.9\r\nHost: x\r\n", "505"},
        {"GET / HTTP/1.1\r\n", "400"},
        {"POST /admin/login HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n", "413"},
        {"POST /admin/stories/new HTTP/1.1\r\nHost: x\r\nContent-Length: 40000000\r\n", "413"},
        {"POST /admin/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n", "413"},
        {"GET /page/-1 HTTP/1.1\r\nHost: x\r\n", "404"},
        {"GET /page/999999999999 HTTP/1.1\r\nHost: x\r\n", "404"},
        {"GET /media/..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: x\r\n", "404"},
    };

    @Test
    void requests_refused_before_routing_get_a_bare_page_without_server_details() throws Exception {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            for (String[] c : CASES) {
                String answer = send(server.port(), c[0] + "Connection: close\r\n\r\n");
                String request = c[0].substring(0, Math.min(40, c[0].indexOf('\r')));
                assertThat(answer).as(request).startsWith("HTTP/1.1 " + c[1] + " ");
                String lower = answer.toLowerCase(Locale.ROOT);
                assertThat(lower)
                        .as(request)
                        .doesNotContain("\nserver:")
                        .doesNotContain("jetty")
                        .doesNotContain("badmessage")
                        .doesNotContain("illegal character")
                        .doesNotContain("exception")
                        .contains("\ncontent-security-policy: default-src 'self'")
                        .contains("\nx-content-type-options: nosniff")
                        .contains("content-type: text/html");
            }
            assertThat(client.get("/").code()).isEqualTo(200);
        });
    }

    private static String send(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
