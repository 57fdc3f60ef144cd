package news.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaStoreTest {

    @TempDir
    Path folder;

    /** A JPEG carrying a comment, standing in for camera and location metadata. */
    static byte[] jpegWithComment(String comment) throws Exception {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(
                new javax.imageio.ImageTypeSpecifier(image), writer.getDefaultWriteParam());
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_jpeg_image_1.0");
        IIOMetadataNode com = new IIOMetadataNode("com");
        com.setAttribute("comment", comment);
        ((IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0)).appendChild(com);
        metadata.setFromTree("javax_imageio_jpeg_image_1.0", root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(new IIOImage(image, null, metadata));
        }
        writer.dispose();
        return out.toByteArray();
    }

    @Test
    void metadata_does_not_survive_an_upload() throws Exception {
        byte[] upload = jpegWithComment("GPS 51.5007N 0.1246W");
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("GPS 51.5007N");
        StoredImage stored = new MediaStore(folder).store(upload);
        assertThat(stored.url()).endsWith(".jpg");
        byte[] kept = Files.readAllBytes(folder.resolve(stored.url().substring("/media/".length())));
        assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("GPS");
        assertThat(stored.width()).isEqualTo(640);
        assertThat(Files.exists(folder.resolve(stored.url().substring(7).replace(".jpg", "-480.jpg"))))
                .isTrue();
        assertThat(Files.exists(folder.resolve(stored.url().substring(7).replace(".jpg", "-960.jpg"))))
                .as("no copy wider than the original")
                .isFalse();
    }

    @Test
    void gif_and_webp_are_read_and_stored_as_png() throws Exception {
        BufferedImage image = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(image, "gif", gif);
        assertThat(new MediaStore(folder).store(gif.toByteArray()).url()).endsWith(".png");

        byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
        StoredImage stored = new MediaStore(folder).store(webp);
        assertThat(stored.width()).isEqualTo(1);
    }

    @Test
    void only_well_formed_names_are_looked_up() throws Exception {
        MediaStore store = new MediaStore(folder);
        Files.writeString(folder.resolve("secret.txt"), "x");
        assertThat(store.file("secret.txt")).isEmpty();
        assertThat(store.file("../secret.txt")).isEmpty();
        assertThat(store.file("0123456789abcdef0123456789abcdef.png")).isEmpty(); // well-formed but absent
        assertThatThrownBy(() -> store.store("<svg/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedImageException.class);
        assertThatThrownBy(() -> store.store(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}))
                .isInstanceOf(RejectedImageException.class)
                .hasMessageContaining("damaged");
    }
}
