package news.gazette.media;

/** An image the store has accepted: its site URL and its size in pixels. */
public record StoredImage(String url, int width, int height) {}
