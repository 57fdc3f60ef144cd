package news.gazette.admin;

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
import java.util.Locale;
import java.util.SplittableRandom;
import news.gazette.TestSite;
import org.junit.jupiter.api.Test;

/**
 * Drives generated hostile input through the newsroom with a signed-in session and a valid CSRF token, so that it
 * reaches the handlers: overlong fields, NUL bytes, invalid UTF-8 percent-encodings, SQL-looking text, path traversal
 * in addresses, image URLs and upload names, impossible dates and versions, bad paging. Every answer must be below 500
 * without a stack trace, the stories nobody touched must be unchanged, the counts must add up, and the newsroom must
 * keep serving.
 */
class AdminHostileInputTest {

    static final int GENERATED_REQUESTS = 700;

    private static final String[] NASTY = {
        "%00",
        "a%00b",
        "%ff%fe%fd",
        "%c0%af",
        "%e2%82",
        "%ed%a0%80",
        "%",
        "%%41",
        "%zz",
        "'; drop table story; --",
        "\" or 1=1 --",
        "1 union select password_hash from account",
        "../../../../etc/passwd",
        "..%2f..%2f..%2fetc%2fpasswd",
        "%2e%2e%2f%2e%2e%2fdata%2fgazette.mv.db",
        "/media/../../gazette.mv.db",
        "/media/0123456789abcdef0123456789abcdef.jpg",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "%3Cscript%3Ealert(1)%3C/script%3E",
        "${7*7}",
        "-1",
        "0",
        "99999999999999999999",
        "2147483648",
        "NaN",
        "2026-13-45T99:99",
        "9999999-01-01T00:00",
        "0000-00-00T00:00",
        "2026-02-30T12:00",
        "now",
        "schedule",
        "draft",
        "trash",
        ",,,,,,",
        "%e2%80%ae%e2%80%8b",
        "%f0%9f%92%a9",
        "",
    };

    private static final String[] FIELDS = {
        "headline",
        "slug",
        "summary",
        "body",
        "tags",
        "author",
        "image_url",
        "image_alt",
        "image_caption",
        "notes",
        "publish",
        "publish_at",
        "developing",
        "update_note",
        "correction_wrong",
        "correction_right",
        "version",
        "action",
        "remove_image"
    };

    private record Answer(int status, String text) {}

    private record Stored(String slug, String headline, String body, int version, String notes) {}

    @Test
    void generated_hostile_newsroom_input_gets_clean_answers_and_leaves_other_stories_alone() throws Exception {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            long target = StoryEditorTest.create(
                    c, "headline", "Target", "author", "Desk", "body", "Fuzz me.", "publish", "now");
            long bystander = StoryEditorTest.create(
                    c, "headline", "Bystander", "author", "Desk", "body", "Leave me alone.", "notes", "private");
            Stored before = stored(site, bystander);
            long storiesBefore = site.count("select count(*) from story");
            long revisionsBefore = site.count("select count(*) from story_revision");

            SplittableRandom random = new SplittableRandom(7_2026_11_25L);
            List<String> failures = new ArrayList<>();
            int created = 0;
            int targetSaves = 0;
            int refusedWithForm = 0;
            for (int i = 0; i < GENERATED_REQUESTS; i++) {
                Request request = generate(random, target);
                Answer answer = send(server.port(), c, request);
                if (answer.status() >= 500 || answer.status() < 100 || leaks(answer.text())) {
                    failures.add(request.describe() + " -> " + answer.status());
                }
                if (answer.status() == 400 && answer.text().contains("aria-invalid=\"true\"")) {
                    refusedWithForm++; // reached the editor, which named the bad field and kept the rest
                }
                if (answer.status() == 303 && request.path().equals("/admin/stories/new")) {
                    created++;
                }
                if (answer.status() == 303 && request.path().equals("/admin/stories/" + target)) {
                    targetSaves++;
                }
            }
            assertThat(failures).as("requests answered badly").isEmpty();
            assertThat(refusedWithForm).as("forms refused field by field").isGreaterThan(GENERATED_REQUESTS / 4);
            assertThat(created).as("generated stories that were fine").isPositive();

            assertThat(stored(site, bystander)).isEqualTo(before);
            assertThat(site.count("select count(*) from story")).isEqualTo(storiesBefore + created);
            assertThat(site.count("select count(*) from story_revision"))
                    .isEqualTo(revisionsBefore + created + targetSaves);
            assertThat(site.jdbc.count("select version from story where id = ?", target))
                    .isEqualTo(1 + targetSaves);
            assertThat(c.get("/admin").status()).isEqualTo(200);
            assertThat(c.get("/admin/stories/" + bystander).status()).isEqualTo(200);
            assertThat(client.get("/").code()).isEqualTo(200);
            assertThat(client.get("/readyz").code()).isEqualTo(200);
        });
    }

    private static Stored stored(TestSite site, long id) {
        return site.jdbc
                .first(
                        "select slug, headline, body_markdown, version, notes from story where id = ?",
                        row -> new Stored(
                                row.getString(1), row.getString(2), row.getString(3), row.getInt(4), row.getString(5)),
                        id)
                .orElseThrow();
    }

    /** One generated request; {@code body} is sent exactly as given, invalid percent-encodings included. */
    private record Request(String method, String path, String query, String contentType, byte[] body) {
        String describe() {
            String b = new String(body, StandardCharsets.ISO_8859_1);
            return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " "
                    + (b.length() > 150 ? b.substring(0, 150) + "..." : b);
        }
    }

    private static Request generate(SplittableRandom random, long target) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> new Request("POST", "/admin/stories/" + target, "", FORM, storyForm(random));
            case 3, 4 -> new Request("POST", "/admin/stories/new", "", FORM, storyForm(random));
            case 5 ->
                new Request(
                        "GET",
                        "/admin/stories",
                        "page=" + value(random, false) + "&q=" + value(random, false) + "&status="
                                + value(random, false),
                        FORM,
                        new byte[0]);
            case 6 ->
                new Request(
                        pick(random, "GET", "POST"),
                        "/admin/stories/" + pathPart(random) + pick(random, "", "/revisions", "/revisions/", "/trash")
                                + (random.nextBoolean() ? "" : pathPart(random)),
                        "",
                        FORM,
                        new byte[0]);
            case 7 -> new Request("POST", "/admin/preview", "", FORM, ("body=" + value(random, true)).getBytes(ISO));
            case 8 ->
                new Request(
                        "POST",
                        "/admin/accounts",
                        "",
                        FORM,
                        ("username=" + value(random, false) + "&role=" + value(random, false) + "&password="
                                        + pick(random, "short", "%00", "%ff%fe"))
                                .getBytes(ISO));
            default -> upload(random);
        };
    }

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final java.nio.charset.Charset ISO = StandardCharsets.ISO_8859_1;

    private static byte[] storyForm(SplittableRandom random) {
        StringBuilder body = new StringBuilder();
        for (String field : FIELDS) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            String value = random.nextInt(3) == 0 ? sane(field) : value(random, true);
            body.append(body.length() == 0 ? "" : "&").append(field).append('=').append(value);
        }
        if (random.nextInt(8) == 0) {
            body.append("&headline=").append(value(random, true)); // a field given twice
        }
        return body.toString().getBytes(ISO);
    }

    private static String sane(String field) {
        return switch (field) {
            case "headline" -> "Sane+headline";
            case "author" -> "Desk";
            case "version" -> "1";
            case "publish" -> "now";
            case "body" -> "Body.";
            default -> "";
        };
    }

    /** A hostile value, already in the form's percent-encoding (raw, so broken encodings go out as they are). */
    private static String value(SplittableRandom random, boolean mayBeHuge) {
        if (mayBeHuge && random.nextInt(25) == 0) {
            return "x".repeat(random.nextBoolean() ? 1_001 : 210_000);
        }
        StringBuilder v = new StringBuilder();
        for (int p = 0; p < 1 + random.nextInt(3); p++) {
            v.append(pick(random, NASTY));
        }
        return v.toString().replace(" ", "+").replace("&", "%26").replace("#", "%23");
    }

    private static String pathPart(SplittableRandom random) {
        return pick(random, "0", "-1", "99999999999999999999", "1e3", "abc", "%2e%2e", "..%2f..", "%00", "1%20or%201=1")
                .replace(" ", "%20");
    }

    private static Request upload(SplittableRandom random) {
        String boundary = "----fuzz" + random.nextInt(1_000_000);
        String name = pick(random, "../../../etc/passwd", "..\\..\\win.ini", "photo.jpg\u0000.php", "a.svg", "%00.png");
        byte[] bytes = random.nextBoolean()
                ? "GIF89a<script>alert(1)</script>".getBytes(ISO)
                : new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x00, 0x01};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"headline\"\r\n\r\nUpload\r\n")
                .getBytes(ISO));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"author\"\r\n\r\nDesk\r\n")
                .getBytes(ISO));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + name
                        + "\"\r\nContent-Type: " + pick(random, "image/jpeg", "image/png", "../x") + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(("\r\n--" + boundary + (random.nextInt(5) == 0 ? "" : "--") + "\r\n").getBytes(ISO));
        return new Request(
                "POST", "/admin/stories/new", "", "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static Answer send(int port, NewsroomClient c, Request request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String target = request.path() + (request.query().isEmpty() ? "" : "?" + request.query());
            // The token goes in the header, so that the request passes the door even when its body cannot be parsed.
            out.write((request.method() + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nCookie: "
                            + c.cookie + "\r\nX-CSRF-Token: " + c.csrf + "\r\nAccept: text/html\r\nContent-Type: "
                            + request.contentType() + "\r\nContent-Length: " + request.body().length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(ISO));
            out.write(request.body());
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), ISO);
            int status =
                    text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new Answer(status, text);
        }
    }

    private static boolean leaks(String response) {
        String lower = response.toLowerCase(Locale.ROOT);
        return lower.contains("exception")
                || lower.contains("at news.gazette")
                || lower.contains("at io.javalin")
                || lower.contains("org.eclipse.jetty")
                || lower.contains("badmessage")
                || lower.contains("root:x:0")
                || lower.contains("$2a$");
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom random, T... options) {
        return options[random.nextInt(options.length)];
    }
}
