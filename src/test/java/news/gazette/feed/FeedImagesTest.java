package news.gazette.feed;

import static news.gazette.feed.FeedsTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndLink;
import io.javalin.testtools.JavalinTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.List;
import javax.imageio.ImageIO;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import news.gazette.TestSql;
import news.gazette.media.MediaStore;
import news.gazette.media.StoredImage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A story's uploaded image travels in feeds as an enclosure with its real size, which RSS requires. */
@Tag(TestDatabases.BOTH)
class FeedImagesTest {

    @Test
    void an_uploaded_image_is_enclosed_with_its_byte_length_in_rss_and_atom() throws Exception {
        TestSite site = TestSite.create();
        MediaStore media = new MediaStore(site.config.mediaDir());
        StoredImage image = media.store(png(900, 500));
        long size = Files.size(site.config.mediaDir().resolve(image.url().substring("/media/".length())));
        TestSql.of(site)
                .update(
                        "update story set image_url = ?, image_width = ?, image_height = ? where slug = ?",
                        image.url(),
                        image.width(),
                        image.height(),
                        "anthropic-cuts-off-openai-from-claude-access");
        JavalinTest.test(site.app, (server, client) -> {
            assertThat(FeedsTest.header(client.get(image.url()), "Content-Length"))
                    .isEqualTo(String.valueOf(size));

            SyndEntry rss =
                    parse(client.get("/feed.xml").body().string()).getEntries().get(0);
            SyndEnclosure enclosure = rss.getEnclosures().get(0);
            assertThat(enclosure.getUrl()).isEqualTo("http://127.0.0.1" + image.url());
            assertThat(enclosure.getType()).isEqualTo("image/png");
            assertThat(enclosure.getLength()).isEqualTo(size);

            SyndEntry atom =
                    parse(client.get("/atom.xml").body().string()).getEntries().get(0);
            List<SyndLink> enclosures = atom.getLinks().stream()
                    .filter(link -> "enclosure".equals(link.getRel()))
                    .toList();
            assertThat(enclosures).hasSize(1);
            assertThat(enclosures.get(0).getHref()).isEqualTo("http://127.0.0.1" + image.url());
            assertThat(enclosures.get(0).getLength()).isEqualTo(size);
        });
    }

    @Test
    void an_image_the_site_does_not_hold_is_enclosed_with_length_zero_as_rss_asks_for_an_unknown_size()
            throws Exception {
        TestSite site = TestSite.create();
        TestSql.of(site)
                .update(
                        "update story set image_url = ? where slug = ?",
                        "/media/0123456789abcdef0123456789abcdef.jpg",
                        "anthropic-cuts-off-openai-from-claude-access");
        JavalinTest.test(site.app, (server, client) -> {
            SyndEntry rss =
                    parse(client.get("/feed.xml").body().string()).getEntries().get(0);
            assertThat(rss.getEnclosures().get(0).getLength()).isZero();
        });
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2d7a4f));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 3, height / 3, width / 3, height / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
