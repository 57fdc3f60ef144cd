package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDatabases.BOTH)
class ImageUploadTest {

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1a56c4));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static NewsroomClient.Upload upload(String name, String type, byte[] bytes) {
        return new NewsroomClient.Upload("image", name, type, bytes);
    }

    @Test
    void a_renamed_non_image_and_an_svg_are_refused_and_the_rest_of_the_form_is_kept() {
        TestSite site = TestSite.create();
        long before = site.count("select count(*) from story");
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            var fake = c.postMultipart(
                    "/admin/stories/new",
                    c.form("headline", "With Picture", "author", "Desk", "body", "text", "image_alt", "alt"),
                    upload("photo.jpg", "image/jpeg", "MZ this is not a picture".getBytes(StandardCharsets.UTF_8)));
            assertThat(fake.status()).isEqualTo(400);
            assertThat(fake.doc().selectFirst("#image-error").text()).contains("not a JPEG, PNG, WebP or GIF");
            assertThat(fake.doc().selectFirst("#headline").attr("value")).isEqualTo("With Picture");

            String svg =
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"9\" height=\"9\"/></svg>";
            var vector = c.postMultipart(
                    "/admin/stories/new",
                    c.form("headline", "With Picture", "author", "Desk", "body", "text", "image_alt", "alt"),
                    upload("logo.svg", "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8)));
            assertThat(vector.status()).isEqualTo(400);
            assertThat(vector.doc().selectFirst("#image-error").text()).contains("SVG is not accepted");
        });
        assertThat(site.count("select count(*) from story")).isEqualTo(before);
    }

    @Test
    void an_upload_over_ten_megabytes_gives_the_form_back_with_the_text_and_stores_nothing() {
        TestSite site = TestSite.create();
        long before = site.count("select count(*) from story");
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            byte[] big = new byte[10 * 1024 * 1024 + 1];
            big[0] = (byte) 0x89;
            var reply = c.postMultipart(
                    "/admin/stories/new",
                    c.form("headline", "Huge", "author", "Desk", "body", "Every word of this stays."),
                    upload("huge.png", "image/png", big));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.doc().selectFirst("#image-error").text()).contains("larger than 10 MB");
            assertThat(reply.doc().select("input[name=headline]").val()).isEqualTo("Huge");
            assertThat(reply.doc().select("textarea[name=body]").text()).isEqualTo("Every word of this stays.");
        });
        assertThat(site.count("select count(*) from story")).isEqualTo(before);
        assertThat(site.config.mediaDir().toFile().list()).isNullOrEmpty();
    }

    @Test
    void an_image_needs_alt_text() throws Exception {
        TestSite site = TestSite.create();
        byte[] png = png(300, 200);
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            var reply = c.postMultipart(
                    "/admin/stories/new",
                    c.form("headline", "No Alt", "author", "Desk", "body", "text"),
                    upload("a.png", "image/png", png));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.doc().selectFirst("#image_alt-error")).isNotNull();
            // The upload is kept: the form carries its address, so it need not be sent again.
            assertThat(reply.doc().selectFirst("input[name=image_url]").attr("value"))
                    .startsWith("/media/");
        });
    }

    @Test
    void a_real_png_is_accepted_and_served_in_resized_widths_with_long_caching() throws Exception {
        TestSite site = TestSite.create();
        byte[] png = png(2000, 1000);
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = StoryEditorTest.signedIn(server.port());
            var reply = c.postMultipart(
                    "/admin/stories/new",
                    c.form(
                            "headline", "Picture Story",
                            "author", "Desk",
                            "body", "text",
                            "publish", "now",
                            "image_alt", "A white circle on blue",
                            "image_caption", "The circle."),
                    upload("circle.jpg", "image/jpeg", png));
            assertThat(reply.status()).as(reply.body()).isEqualTo(303);

            Element img = c.get("/articles/picture-story").doc().selectFirst("figure.article-figure img");
            assertThat(img.attr("alt")).isEqualTo("A white circle on blue");
            assertThat(img.attr("src")).matches("/media/[a-f0-9]{32}\\.png");
            assertThat(img.attr("width")).isEqualTo("2000");
            assertThat(img.attr("srcset")).contains("-480.png 480w", "-960.png 960w", "-1600.png 1600w", " 2000w");
            assertThat(img.attr("sizes")).isNotBlank();

            HttpClient http = HttpClient.newHttpClient();
            String small = img.attr("src").replace(".png", "-480.png");
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + small))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            BufferedImage served = ImageIO.read(new ByteArrayInputStream(response.body()));
            assertThat(served.getWidth()).isEqualTo(480);
            assertThat(served.getHeight()).isEqualTo(240);

            for (String bad : new String[] {"/media/..%2F..%2Fetc%2Fpasswd", "/media/abc.png", "/media/x.svg"}) {
                assertThat(new NewsroomClient(server.port()).get(bad).status())
                        .as(bad)
                        .isEqualTo(404);
            }
            assertThat(client.get("/").body().string()).contains("-480.png 480w");
        });
    }
}
