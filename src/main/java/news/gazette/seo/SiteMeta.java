package news.gazette.seo;

import java.util.LinkedHashMap;
import java.util.Map;
import news.gazette.web.Site;

/** Structured data about the publication itself: the publisher of every article, and the front page's WebSite. */
public final class SiteMeta {

    private SiteMeta() {}

    static Map<String, Object> publisher(Site site) {
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "NewsMediaOrganization");
        publisher.put("name", site.name());
        publisher.put("url", site.url("/"));
        // A raster logo (512 px, rendered from the favicon): search engines take no SVG for a publisher's logo.
        publisher.put(
                "logo",
                Map.of(
                        "@type",
                        "ImageObject",
                        "url",
                        site.url(site.asset("img/logo.png")),
                        "width",
                        512,
                        "height",
                        512));
        return publisher;
    }

    /** {@code WebSite} with a {@code SearchAction}, so search engines can offer the site's own search. */
    public static JsonLd webSite(Site site) {
        Map<String, Object> webSite = new LinkedHashMap<>();
        webSite.put("@context", "https://schema.org");
        webSite.put("@type", "WebSite");
        webSite.put("name", site.name());
        webSite.put("description", site.description());
        webSite.put("url", site.url("/"));
        webSite.put("inLanguage", site.language());
        webSite.put("publisher", publisher(site));
        webSite.put(
                "potentialAction",
                Map.of(
                        "@type", "SearchAction",
                        "target", Map.of("@type", "EntryPoint", "urlTemplate", site.url("/search?q={search_term}")),
                        "query-input", "required name=search_term"));
        return JsonLd.of(webSite);
    }
}
