package news.gazette.web;

/**
 * The publication as every page sees it.
 *
 * @param baseUrl public URL without a trailing slash
 */
public record Site(String name, String description, String language, String baseUrl, Assets assets) {

    /** The fingerprinted URL of a file under {@code static/}, e.g. {@code asset("css/site.css")}. */
    public String asset(String name) {
        return assets.url(name);
    }

    /** The absolute URL of a site path such as {@code /articles/x}. */
    public String url(String path) {
        return path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl + path;
    }
}
