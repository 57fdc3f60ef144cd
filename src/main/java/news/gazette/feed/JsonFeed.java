package news.gazette.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import news.gazette.web.Dates;

/** Writes a feed as JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) with Jackson. */
public final class JsonFeed {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFeed() {}

    public static byte[] write(Feed feed) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("title", feed.title());
        root.put("home_page_url", feed.homeUrl());
        root.put("feed_url", feed.url(FeedFormat.JSON));
        root.put("description", feed.description());
        root.put("icon", feed.iconUrl());
        root.put("favicon", feed.iconUrl());
        root.put("language", feed.language());
        // JSON Feed 1.1's hubs: WebSub hubs that push this feed to subscribers of its feed_url.
        if (!feed.hubs().isEmpty()) {
            ArrayNode hubs = root.putArray("hubs");
            feed.hubs().forEach(url -> hubs.addObject().put("type", "WebSub").put("url", url));
        }
        ArrayNode items = root.putArray("items");
        for (FeedEntry e : feed.entries()) {
            ObjectNode item = items.addObject();
            item.put("id", e.id());
            item.put("url", e.url());
            item.put("title", e.title());
            item.put("content_html", e.contentHtml());
            item.put("summary", e.summary());
            if (e.image() != null) {
                item.put("image", e.image().url());
            }
            if (e.language() != null) {
                item.put("language", e.language()); // JSON Feed 1.1: an item in another language than the feed
            }
            item.put("date_published", Dates.iso(e.published()));
            item.put("date_modified", Dates.iso(e.updated()));
            ArrayNode authors = item.putArray("authors");
            e.authors().forEach(byline -> {
                ObjectNode author = authors.addObject();
                author.put("name", byline.name());
                if (byline.url() != null) {
                    author.put("url", byline.url());
                }
            });
            ArrayNode tags = item.putArray("tags");
            e.categories().forEach(c -> tags.add(c.name()));
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON feed could not be written", e);
        }
    }
}
