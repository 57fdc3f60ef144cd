package news.gazette.media;

/** An upload that is not an image the site accepts; the message is shown to the editor next to the field. */
public final class RejectedImageException extends Exception {
    public RejectedImageException(String message) {
        super(message);
    }
}
