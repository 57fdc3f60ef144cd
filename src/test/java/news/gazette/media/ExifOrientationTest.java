package news.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExifOrientationTest {

    @TempDir
    Path folder;

    /**
     * A 64x32 photo as the sensor saw it: the left half coloured (blue above red), the right half white. Quadrants are
     * 32x16, whole JPEG blocks, so the colours do not bleed into each other.
     */
    static byte[] sensorJpeg() throws Exception {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 32);
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 32, 16);
        g.setColor(Color.RED);
        g.fillRect(0, 16, 32, 16);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** An Exif APP1 segment whose IFD0 holds one SHORT entry, Orientation, in the given byte order. */
    static byte[] exifSegment(int orientation, ByteOrder order) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(order);
        tiff.put(
                order == ByteOrder.BIG_ENDIAN
                        ? "MM".getBytes(StandardCharsets.US_ASCII)
                        : "II".getBytes(StandardCharsets.US_ASCII));
        tiff.putShort((short) 42).putInt(8); // TIFF magic, then IFD0 right after this header
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1); // Orientation, SHORT, one value
        tiff.putShort((short) orientation).putShort((short) 0); // the value, padded to four bytes
        tiff.putInt(0); // no IFD1
        return app1(concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array()));
    }

    static byte[] app1(byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (length >> 8), (byte) length}, payload);
    }

    /** The JPEG with {@code segment} inserted right after its SOI marker, where cameras put Exif. */
    static byte[] withSegment(byte[] jpeg, byte[] segment) {
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The colour at the centre of each quadrant, as "top-left top-right / bottom-left bottom-right". */
    static String quadrants(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        return colour(image, w / 4, h / 4) + colour(image, 3 * w / 4, h / 4) + "/" + colour(image, w / 4, 3 * h / 4)
                + colour(image, 3 * w / 4, 3 * h / 4);
    }

    private static String colour(BufferedImage image, int x, int y) {
        Color c = new Color(image.getRGB(x, y));
        if (c.getRed() > 200 && c.getGreen() > 200 && c.getBlue() > 200) {
            return "W";
        }
        if (c.getRed() > 200 && c.getGreen() < 60 && c.getBlue() < 60) {
            return "R";
        }
        if (c.getBlue() > 200 && c.getRed() < 60 && c.getGreen() < 60) {
            return "B";
        }
        return "?" + Integer.toHexString(c.getRGB());
    }

    private record Kept(StoredImage stored, byte[] bytes, BufferedImage image) {}

    private Kept store(byte[] upload) throws Exception {
        StoredImage stored = new MediaStore(folder).store(upload);
        byte[] bytes = Files.readAllBytes(folder.resolve(stored.url().substring(ImageVariants.PREFIX.length())));
        return new Kept(stored, bytes, ImageIO.read(new ByteArrayInputStream(bytes)));
    }

    @Test
    void the_test_photo_without_a_tag_is_stored_as_the_sensor_saw_it() throws Exception {
        Kept kept = store(sensorJpeg());
        assertThat(kept.stored().width()).isEqualTo(64);
        assertThat(kept.stored().height()).isEqualTo(32);
        assertThat(quadrants(kept.image())).isEqualTo("BW/RW");
    }

    @ParameterizedTest(name = "orientation {0} is stored {1}x{2} as {3}")
    @CsvSource({
        "1, 64, 32, BW/RW",
        "2, 64, 32, WB/WR", // mirrored left to right
        "3, 64, 32, WR/WB", // upside down
        "4, 64, 32, RW/BW", // mirrored top to bottom
        "5, 32, 64, BR/WW", // mirrored across the top-left diagonal
        "6, 32, 64, RB/WW", // the phone held upright: turned a quarter clockwise
        "7, 32, 64, WW/RB", // mirrored across the other diagonal
        "8, 32, 64, WW/BR", // turned a quarter anticlockwise
    })
    void a_tagged_photo_is_stored_the_right_way_up_with_no_exif_left(
            int orientation, int width, int height, String expected) throws Exception {
        ByteOrder order = orientation % 2 == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] upload = withSegment(sensorJpeg(), exifSegment(orientation, order));
        assertThat(ExifOrientation.of(upload)).isEqualTo(orientation);

        Kept kept = store(upload);

        assertThat(kept.stored().width()).isEqualTo(width);
        assertThat(kept.stored().height()).isEqualTo(height);
        assertThat(kept.image().getWidth()).isEqualTo(width);
        assertThat(kept.image().getHeight()).isEqualTo(height);
        assertThat(quadrants(kept.image())).isEqualTo(expected);
        assertThat(new String(kept.bytes(), StandardCharsets.ISO_8859_1))
                .as("no Exif segment in the stored file")
                .doesNotContain("Exif");
    }

    @Test
    void damaged_or_meaningless_exif_stores_the_photo_as_it_is() throws Exception {
        byte[] noise = new byte[300];
        new Random(7).nextBytes(noise);
        byte[][] segments = {
            app1(concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), noise)),
            app1("Exif\0\0MM\0*\u007f\u00ff\u00ff\u00ff".getBytes(StandardCharsets.ISO_8859_1)), // IFD0 past the end
            app1("Exif\0".getBytes(StandardCharsets.US_ASCII)), // identifier only
            exifSegment(9, ByteOrder.BIG_ENDIAN), // no such orientation
            exifSegment(0, ByteOrder.LITTLE_ENDIAN),
        };
        for (byte[] segment : segments) {
            byte[] upload = withSegment(sensorJpeg(), segment);
            assertThat(ExifOrientation.of(upload)).isEqualTo(ExifOrientation.UPRIGHT);
            Kept kept = store(upload);
            assertThat(kept.stored().width()).isEqualTo(64);
            assertThat(quadrants(kept.image())).isEqualTo("BW/RW");
        }
    }

    @Test
    void the_orientation_of_a_non_jpeg_or_a_truncated_file_is_upright() {
        assertThat(ExifOrientation.of(new byte[0])).isEqualTo(ExifOrientation.UPRIGHT);
        assertThat(ExifOrientation.of(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe1, 0x7f}))
                .isEqualTo(ExifOrientation.UPRIGHT);
        assertThat(ExifOrientation.of("GIF89a".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(ExifOrientation.UPRIGHT);
    }
}
