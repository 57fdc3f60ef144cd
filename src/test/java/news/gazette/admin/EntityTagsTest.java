package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import news.gazette.media.MediaStore;
import news.gazette.media.StoredImage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every ETag the site sends is a quoted strong entity-tag (RFC 9110 §8.8.3), and the newsroom sends none: its pages
 * are private and {@code no-store}, so no cache ever holds a copy to revalidate.
 */
@Tag(TestDatabases.BOTH)
class EntityTagsTest {

    private static final String STRONG_TAG = "\"[\\x21\\x23-\\x7E]*\"";

    @Test
    void every_etag_is_quoted_and_strong_and_each_one_revalidates() throws Exception {
        TestSite site = TestSite.create();
        StoredImage image = new MediaStore(site.config.mediaDir()).store(ImageUploadTest.png(640, 320));
        JavalinTest.test(site.app, (server, unused) -> {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            List<String> tagged = new ArrayList<>();
            for (String path : List.of(
                    "/",
                    "/",
                    "/articles/anthropic-cuts-off-openai-from-claude-access",
                    "/feed.xml",
                    "/sitemap.xml",
                    "/assets/css/site.css",
                    "/assets/img/favicon.svg",
                    image.url(),
                    "/healthz",
                    "/readyz",
                    "/metrics",
                    "/admin/login",
                    "/no-such-page")) {
                HttpResponse<byte[]> reply = get(http, base + path, null);
                List<String> etags = reply.headers().allValues("ETag");
                for (String etag : etags) {
                    assertThat(etag).as(path).matches(STRONG_TAG);
                    assertThat(get(http, base + path, etag).statusCode())
                            .as(path + " with its own ETag")
                            .isEqualTo(304);
                    tagged.add(path);
                }
            }
            // Pages, feeds, assets and images carry a validator; health checks and metrics need none.
            assertThat(tagged).contains("/", "/feed.xml", "/assets/css/site.css", image.url());
            assertThat(tagged).doesNotContain("/healthz", "/readyz", "/metrics", "/admin/login");

            NewsroomClient editor = StoryEditorTest.signedIn(server.port());
            for (String path : List.of("/admin", "/admin/stories", "/admin/stories/1", "/admin/accounts")) {
                NewsroomClient.Reply page = editor.get(path);
                assertThat(page.status()).as(path).isEqualTo(200);
                assertThat(page.header("Cache-Control")).as(path).isEqualTo("private, no-store");
                assertThat(page.raw().headers().allValues("ETag")).as(path).isEmpty();
            }
        });
    }

    private static HttpResponse<byte[]> get(HttpClient http, String url, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
