package news.gazette.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import news.gazette.TestSite;
import org.junit.jupiter.api.Test;

/**
 * Drives generated hostile requests through the public site over a raw socket (so that broken UTF-8, NUL bytes and
 * malformed paths reach the server exactly as an attacker would send them) and asserts that every one gets a clean
 * answer below 500 without any stack trace or server detail, and that the site keeps serving.
 */
class HostileInputTest {

    private static final int GENERATED_REQUESTS = 1_500;
    private static final String[] ROUTES = {
        "/", "/page/", "/articles/", "/tags/", "/authors/", "/tags/ai/page/", "/assets/", "/assets/css/", "/nope/"
    };
    private static final String[] NASTY = {
        "..",
        "../..",
        "%2e%2e/%2e%2e/etc/passwd",
        "..%2f..%2fetc%2fpasswd",
        "%00",
        "%ff%fe",
        "%c0%af",
        "%e2%82",
        "'; drop table story; --",
        "\" or 1=1 --",
        "<script>alert(1)</script>",
        "%3Cscript%3E",
        "${7*7}",
        "{{7*7}}",
        "-1",
        "0",
        "99999999999999999999",
        "1e9",
        "NaN",
        "%20",
        "//",
        "\\..\\..\\windows",
        "a".repeat(3000),
        "%",
        "%%",
        "%u0000",
        "?page=-1",
        "?page=abc&page=2",
        "#frag",
        ";jsessionid=x",
        "*",
        "~root"
    };

    @Test
    void generated_hostile_requests_get_clean_answers_and_the_site_keeps_serving() throws Exception {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            SplittableRandom random = new SplittableRandom(20261125);
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < GENERATED_REQUESTS; i++) {
                byte[] target = hostileTarget(random);
                String method =
                        random.nextInt(10) == 0 ? pick(random, "POST", "PUT", "DELETE", "BREW", "TRACE") : "GET";
                Answer answer = send(server.port(), method, target, random.nextInt(20) == 0);
                if (answer.status() >= 500 || answer.status() < 100 || leaks(answer.text())) {
                    failures.add(method + " " + printable(target) + " -> " + answer.status());
                }
            }
            assertThat(failures).as("requests answered badly").isEmpty();
            assertThat(client.get("/").code()).isEqualTo(200);
            assertThat(client.get("/articles/anthropic-cuts-off-openai-from-claude-access")
                            .code())
                    .isEqualTo(200);
        });
    }

    private static byte[] hostileTarget(SplittableRandom random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(pick(random, ROUTES).getBytes(StandardCharsets.ISO_8859_1));
        int parts = 1 + random.nextInt(3);
        for (int p = 0; p < parts; p++) {
            switch (random.nextInt(4)) {
                case 0 -> out.writeBytes(pick(random, NASTY).getBytes(StandardCharsets.UTF_8));
                case 1 -> { // raw bytes, including invalid UTF-8 and control characters, but never CR/LF/space
                    for (int b = 0; b < 1 + random.nextInt(12); b++) {
                        int value = random.nextInt(256);
                        out.write(value == '\r' || value == '\n' || value == ' ' ? '_' : value);
                    }
                }
                case 2 ->
                    out.writeBytes(("?page=" + pick(random, NASTY) + "&q=" + pick(random, NASTY))
                            .getBytes(StandardCharsets.UTF_8));
                default -> out.writeBytes(("/" + random.nextInt()).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    private record Answer(int status, String text) {}

    private static Answer send(int port, String method, byte[] target, boolean withBody) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(target);
            String body = withBody ? "x=%ff%00" + "y".repeat(5000) : "";
            out.write((" HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nConnection: close\r\n"
                            + (withBody ? "Content-Type: application/x-www-form-urlencoded\r\n" : "")
                            + "Content-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int status =
                    text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new Answer(status, text);
        }
    }

    private static boolean leaks(String response) {
        String lower = response.toLowerCase();
        return lower.contains("exception")
                || lower.contains("at news.gazette")
                || lower.contains("at io.javalin")
                || lower.contains("org.eclipse.jetty")
                || lower.matches("(?s).*server: jetty.*")
                || lower.contains("root:x:0");
    }

    private static String printable(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int v = b & 0xff;
            out.append(v >= 0x20 && v < 0x7f ? String.valueOf((char) v) : String.format("\\x%02x", v));
        }
        return out.length() > 120 ? out.substring(0, 120) + "..." : out.toString();
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom random, T... options) {
        return options[random.nextInt(options.length)];
    }
}
