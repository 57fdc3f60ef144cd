package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import news.gazette.TestSite;
import org.junit.jupiter.api.Test;

/** Every refusal of the story form for size comes back as the form, with the text intact and the field named. */
class OversizedFormTest {

    private static final String LONG_NOTES = "n".repeat(300_000);
    private static final String LONG_BODY = "word ".repeat(50_000); // 250,000 characters, over the 200,000 limit

    @Test
    void a_field_over_200_kilobytes_is_named_and_everything_typed_comes_back() {
        TestSite site = TestSite.create();
        long before = site.count("select count(*) from story");
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            var form = c.form("headline", "Kept headline", "author", "Desk", "body", "Kept body.", "notes", LONG_NOTES);
            for (var reply : java.util.List.of(
                    c.post("/admin/stories/new", form), c.postMultipart("/admin/stories/new", form, null))) {
                assertThat(reply.status()).isEqualTo(400);
                assertThat(reply.doc().selectFirst("#notes-error").text()).contains("10000");
                assertThat(reply.doc().select("input[name=headline]").val()).isEqualTo("Kept headline");
                assertThat(reply.doc().select("textarea[name=notes]").text()).hasSize(LONG_NOTES.length());
            }
            var longBody = c.postMultipart(
                    "/admin/stories/new", c.form("headline", "Long one", "author", "Desk", "body", LONG_BODY), null);
            assertThat(longBody.status()).isEqualTo(400);
            assertThat(longBody.doc().selectFirst("#body-error").text()).contains("200000");
            assertThat(longBody.doc().select("textarea[name=body]").text()).isEqualTo(LONG_BODY.strip());
        });
        assertThat(site.count("select count(*) from story")).isEqualTo(before);
    }

    @Test
    void only_the_story_form_takes_large_bodies_and_past_its_limit_the_answer_is_413() throws Exception {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            for (String path : new String[] {"/admin/login", "/admin/accounts"}) {
                assertThat(statusForDeclaredBody(server.port(), path, c.cookie, 2 * 1024 * 1024))
                        .as(path)
                        .isEqualTo(413);
            }
            assertThat(statusForDeclaredBody(server.port(), "/admin/stories/new", c.cookie, 100 * 1024 * 1024))
                    .isEqualTo(413);
        });
    }

    /**
     * Sends only the headers of a request that declares a large body and reads the answer. Sending the body too
     * would race the server's close: a refusal that comes before the body is read ends in a reset the client may see
     * before the answer.
     */
    private static int statusForDeclaredBody(int port, String path, String cookie, long length) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nCookie: " + cookie + "\r\n"
                    + "Content-Length: " + length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String statusLine = reader.readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
