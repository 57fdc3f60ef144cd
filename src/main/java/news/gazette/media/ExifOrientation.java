package news.gazette.media;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The EXIF Orientation of a JPEG (1 to 8) and the turn or flip that makes its pixels the right way up.
 *
 * <p>Cameras and phones store the sensor's pixels as they came and record in the tag how to show them. The JDK's JPEG
 * reader ignores the tag, and the store writes the pixels again without any metadata, so the turn has to be made on
 * the pixels themselves or a photo taken upright is stored on its side.
 */
final class ExifOrientation {

    /** The pixels are already the right way up: no tag, an unknown value, or EXIF that cannot be read. */
    static final int UPRIGHT = 1;

    private ExifOrientation() {}

    /**
     * The Orientation of the first image (IFD0) in the first Exif APP1 segment; {@link #UPRIGHT} when there is none or
     * when the segment is damaged, since a bad tag is no reason to refuse a photo.
     */
    static int of(byte[] jpeg) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return UPRIGHT;
            }
            return orientation(segments.get(0));
        } catch (IOException | RuntimeException e) {
            return UPRIGHT;
        }
    }

    private static int orientation(JPEGSegment exif) throws IOException {
        try (InputStream data = exif.data()) {
            // data() starts after "Exif\0"; the identifier is followed by one more zero byte of padding.
            if (data.read() != 0) {
                return UPRIGHT;
            }
            try (ImageInputStream tiff = new MemoryCacheImageInputStream(data)) {
                Directory directory = new TIFFReader().read(tiff);
                // IFD1 describes the thumbnail; only IFD0 speaks for the image itself.
                Directory ifd0 = directory instanceof CompoundDirectory compound && compound.directoryCount() > 0
                        ? compound.getDirectory(0)
                        : directory;
                Entry entry = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
                if (entry == null || !(entry.getValue() instanceof Number value)) {
                    return UPRIGHT;
                }
                int orientation = value.intValue();
                return orientation >= 1 && orientation <= 8 ? orientation : UPRIGHT;
            }
        }
    }

    /**
     * The image as it should be seen for {@code orientation}: values 5 to 8 swap width and height. Returns the same
     * image for {@link #UPRIGHT}.
     */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(outW, outH, type);
        int[] target = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[w];
        // Walk the source row by row and put each pixel where the tag says it belongs: exact, with no resampling.
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> { // mirrored left to right
                        tx = w - 1 - x;
                        ty = y;
                    }
                    case 3 -> { // upside down
                        tx = w - 1 - x;
                        ty = h - 1 - y;
                    }
                    case 4 -> { // mirrored top to bottom
                        tx = x;
                        ty = h - 1 - y;
                    }
                    case 5 -> { // mirrored across the diagonal from the top left
                        tx = y;
                        ty = x;
                    }
                    case 6 -> { // shown turned a quarter clockwise
                        tx = h - 1 - y;
                        ty = x;
                    }
                    case 7 -> { // mirrored across the other diagonal
                        tx = h - 1 - y;
                        ty = w - 1 - x;
                    }
                    default -> { // 8: shown turned a quarter anticlockwise
                        tx = y;
                        ty = w - 1 - x;
                    }
                }
                target[ty * outW + tx] = row[x];
            }
        }
        return out;
    }
}
