package news.gazette.story;

/**
 * The picture at the top of a story.
 *
 * @param url site-relative or absolute address of the image
 * @param alt what the image shows, for readers who cannot see it
 * @param caption what readers see under it; may be empty
 * @param width intrinsic width in pixels, 0 when unknown
 * @param height intrinsic height in pixels, 0 when unknown
 */
public record FeaturedImage(String url, String alt, String caption, int width, int height) {

    public FeaturedImage {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("an image needs a URL");
        }
        alt = alt == null ? "" : alt;
        caption = caption == null ? "" : caption;
    }

    /**
     * The {@code srcset} of an uploaded image (its resized widths), or null for any other image, which then has only its
     * {@code src}.
     */
    public String srcset() {
        return news.gazette.media.ImageVariants.srcset(url, width);
    }

    public boolean hasSize() {
        return width > 0 && height > 0;
    }
}
