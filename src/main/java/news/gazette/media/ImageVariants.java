package news.gazette.media;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How uploaded images are named: {@code /media/<hash>.<ext>} for the full image and {@code /media/<hash>-<width>.<ext>}
 * for each narrower copy. Both the store and the reader templates ({@code srcset}) rely on this one convention.
 */
public final class ImageVariants {

    /** The widths browsers may choose from; an image narrower than one of them gets no copy at that width. */
    public static final List<Integer> WIDTHS = List.of(480, 960, 1600);

    public static final String PREFIX = "/media/";

    /** A stored file's name; anything else, such as {@code ../x} or {@code a/b}, never reaches the file system. */
    static final Pattern FILE_NAME = Pattern.compile("([a-f0-9]{32})(?:-(480|960|1600))?\\.(jpg|png)");

    private static final Pattern URL = Pattern.compile("/media/([a-f0-9]{32})\\.(jpg|png)");

    private ImageVariants() {}

    static String fileName(String hash, int width, String extension) {
        return width == 0 ? hash + "." + extension : hash + "-" + width + "." + extension;
    }

    /** The {@code srcset} for an uploaded image's URL, or null when {@code url} is not an uploaded image. */
    public static String srcset(String url, int fullWidth) {
        Matcher m = url == null ? null : URL.matcher(url);
        if (m == null || !m.matches() || fullWidth <= 0) {
            return null;
        }
        List<String> candidates = new ArrayList<>();
        for (int width : WIDTHS) {
            if (width < fullWidth) {
                candidates.add(PREFIX + fileName(m.group(1), width, m.group(2)) + " " + width + "w");
            }
        }
        candidates.add(url + " " + fullWidth + "w");
        return String.join(", ", candidates);
    }

    /** True for the URL of an uploaded image, the only kind the editor accepts besides the one a story already has. */
    public static boolean isUploadedImageUrl(String url) {
        return url != null && URL.matcher(url).matches();
    }
}
