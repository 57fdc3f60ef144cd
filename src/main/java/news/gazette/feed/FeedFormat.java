package news.gazette.feed;

/** The three feed formats Gazette serves, each at the same file name under every feed's base path. */
public enum FeedFormat {
    RSS("/feed.xml", "application/rss+xml"),
    ATOM("/atom.xml", "application/atom+xml"),
    JSON("/feed.json", "application/feed+json");

    private final String path;
    private final String mediaType;

    FeedFormat(String path, String mediaType) {
        this.path = path;
        this.mediaType = mediaType;
    }

    public String path() {
        return path;
    }

    /** The type for autodiscovery links, without parameters. */
    public String mediaType() {
        return mediaType;
    }

    public String contentType() {
        return mediaType + "; charset=utf-8";
    }
}
