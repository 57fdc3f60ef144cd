package news.gazette.seo;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import news.gazette.seo.SitemapRepository.StoryUrl;
import news.gazette.text.PlainText;
import news.gazette.web.Dates;

/** Writes sitemap XML with StAX, which escapes every text and attribute value. */
final class SitemapXml {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    /** An address and, when known, when it last changed. */
    record Url(String loc, Instant lastModified) {}

    private SitemapXml() {}

    static byte[] urlset(List<Url> urls) {
        return write(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP_NS);
            for (Url url : urls) {
                xml.writeStartElement("url");
                element(xml, "loc", url.loc());
                if (url.lastModified() != null) {
                    element(xml, "lastmod", Dates.iso(url.lastModified()));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    static byte[] index(List<String> sitemapUrls) {
        return write(xml -> {
            xml.writeStartElement("sitemapindex");
            xml.writeDefaultNamespace(SITEMAP_NS);
            for (String loc : sitemapUrls) {
                xml.writeStartElement("sitemap");
                element(xml, "loc", loc);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    static String newsLanguage(String tag) {
        String lower = tag.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("zh-")) {
            return lower.contains("tw") || lower.contains("hant") || lower.contains("hk") ? "zh-tw" : "zh-cn";
        }
        int dash = lower.indexOf('-');
        return dash < 0 ? lower : lower.substring(0, dash);
    }

    static byte[] news(String baseUrl, String publication, String language, List<StoryUrl> stories) {
        return write(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP_NS);
            xml.writeNamespace("news", NEWS_NS);
            for (StoryUrl story : stories) {
                xml.writeStartElement("url");
                element(xml, "loc", baseUrl + story.path());
                xml.writeStartElement("news", "news", NEWS_NS);
                xml.writeStartElement("news", "publication", NEWS_NS);
                newsElement(xml, "name", publication);
                // Google News takes the language code alone (ja, pt; zh-cn and zh-tw the exceptions).
                newsElement(xml, "language", newsLanguage(story.language() == null ? language : story.language()));
                xml.writeEndElement();
                newsElement(xml, "publication_date", Dates.iso(story.publishedAt()));
                newsElement(xml, "title", story.headline());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(SITEMAP_NS);
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("sitemap could not be written", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(SITEMAP_NS, name);
        xml.writeCharacters(PlainText.multiline(text));
        xml.writeEndElement();
    }

    private static void newsElement(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement("news", name, NEWS_NS);
        // A headline stored before the input rule could otherwise make the whole file ill-formed.
        xml.writeCharacters(PlainText.multiline(text));
        xml.writeEndElement();
    }
}
