package news.gazette.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Writes a feed as Atom 1.0 with Rome: an HTML content and a text summary per entry, the image as an enclosure. */
public final class AtomFeed {

    private AtomFeed() {}

    public static byte[] write(Feed feed) {
        com.rometools.rome.feed.atom.Feed atom = new com.rometools.rome.feed.atom.Feed("atom_1.0");
        atom.setEncoding("UTF-8");
        atom.setId(feed.url(FeedFormat.ATOM));
        atom.setTitle(feed.title());
        atom.setLanguage(feed.language());
        Content subtitle = new Content();
        subtitle.setType(Content.TEXT);
        subtitle.setValue(feed.description());
        atom.setSubtitle(subtitle);
        atom.setUpdated(Date.from(feed.updated()));
        atom.setIcon(feed.iconUrl());
        // Atom wants an author on the feed unless every entry has one; an empty topic feed has no entries.
        Person publisher = new Person();
        publisher.setName(feed.publisher());
        atom.setAuthors(new ArrayList<SyndPerson>(List.of(publisher)));
        atom.setAlternateLinks(new ArrayList<>(List.of(link("alternate", feed.homeUrl(), "text/html"))));
        List<Link> others =
                new ArrayList<>(List.of(link("self", feed.url(FeedFormat.ATOM), FeedFormat.ATOM.mediaType())));
        // WebSub discovery (W3C WebSub 4): the hubs that push this feed to subscribers of its self link.
        feed.hubs().forEach(hub -> others.add(link("hub", hub, null)));
        atom.setOtherLinks(others);
        atom.setEntries(feed.entries().stream().map(AtomFeed::entry).toList());
        try {
            return new WireFeedOutput().outputString(atom, true).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("Atom feed could not be written", e);
        }
    }

    private static Entry entry(FeedEntry e) {
        Entry entry = new Entry();
        entry.setId(e.id());
        entry.setTitle(e.title());
        entry.setAlternateLinks(new ArrayList<>(List.of(link("alternate", e.url(), "text/html"))));
        if (e.image() != null) {
            Link enclosure = link("enclosure", e.image().url(), e.image().type());
            if (e.image().length() > 0) {
                enclosure.setLength(e.image().length());
            }
            entry.setOtherLinks(new ArrayList<>(List.of(enclosure)));
        }
        entry.setAuthors(new ArrayList<SyndPerson>(e.authors().stream()
                .map(byline -> {
                    Person author = new Person();
                    author.setName(byline.name());
                    author.setUri(byline.url());
                    return author;
                })
                .toList()));
        entry.setCategories(e.categories().stream()
                .map(c -> {
                    Category category = new Category();
                    category.setTerm(c.name());
                    category.setLabel(c.name());
                    return category;
                })
                .toList());
        Content summary = new Content();
        summary.setType(Content.TEXT);
        summary.setValue(e.summary());
        entry.setSummary(summary);
        Content content = new Content();
        content.setType(Content.HTML);
        content.setValue(e.contentHtml());
        entry.setContents(new ArrayList<>(List.of(content)));
        entry.setPublished(Date.from(e.published()));
        entry.setUpdated(Date.from(e.updated()));
        return entry;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
