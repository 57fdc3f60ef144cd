package news.gazette.feed;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jsoup.nodes.Entities;

/** Writes a feed as RSS 2.0 with Rome: full content in {@code content:encoded}, each byline as a {@code dc:creator}. */
public final class RssFeed {

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

    private RssFeed() {}

    public static byte[] write(Feed feed) {
        Channel channel = new Channel("rss_2.0");
        channel.setEncoding("UTF-8");
        channel.setTitle(feed.title());
        channel.setLink(feed.homeUrl());
        channel.setDescription(feed.description());
        channel.setLanguage(feed.language());
        channel.setLastBuildDate(Date.from(feed.updated()));
        channel.setGenerator("Gazette");
        channel.setTtl(5);
        // RSS has no self link of its own; feed validators ask for Atom's.
        Element self = new Element("link", ATOM);
        self.setAttribute("href", feed.url(FeedFormat.RSS));
        self.setAttribute("rel", "self");
        self.setAttribute("type", FeedFormat.RSS.mediaType());
        List<Element> links = new ArrayList<>(List.of(self));
        // WebSub discovery (W3C WebSub 4): the hubs that push this feed, beside the self link they push it under.
        for (String hub : feed.hubs()) {
            Element link = new Element("link", ATOM);
            link.setAttribute("href", hub);
            link.setAttribute("rel", "hub");
            links.add(link);
        }
        channel.setForeignMarkup(links);
        channel.setItems(feed.entries().stream().map(RssFeed::item).toList());
        try {
            return new WireFeedOutput().outputString(channel, true).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("RSS feed could not be written", e);
        }
    }

    private static Item item(FeedEntry entry) {
        Item item = new Item();
        item.setTitle(entry.title());
        item.setLink(entry.url());
        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(entry.id());
        item.setGuid(guid);
        // Readers take RSS's description as HTML whatever its type says: the summary is plain text, so it goes in
        // escaped as HTML (and Rome escapes that again as XML), and "<img onerror=...>" shows as text, never markup.
        Description summary = new Description();
        summary.setType("text/html");
        summary.setValue(Entities.escape(entry.summary()));
        item.setDescription(summary);
        Content content = new Content();
        content.setType(Content.HTML);
        content.setValue(entry.contentHtml());
        item.setContent(content);
        item.setPubDate(Date.from(entry.published()));
        item.setCategories(entry.categories().stream()
                .map(c -> {
                    Category category = new Category();
                    category.setValue(c.name());
                    return category;
                })
                .toList());
        if (entry.image() != null) {
            Enclosure enclosure = new Enclosure();
            enclosure.setUrl(entry.image().url());
            enclosure.setType(entry.image().type());
            enclosure.setLength(entry.image().length());
            item.setEnclosures(List.of(enclosure));
        }
        // RSS's own <author> must be an e-mail address; Dublin Core's creator takes a name, one element per byline.
        DCModule dc = new DCModuleImpl();
        dc.setCreators(new ArrayList<>(
                entry.authors().stream().map(FeedEntry.Person::name).toList()));
        dc.setDate(Date.from(entry.updated()));
        item.setModules(new ArrayList<>(List.of(dc)));
        return item;
    }
}
