package news.gazette.feed;

import java.time.Instant;
import java.util.List;
import news.gazette.text.PlainText;

/**
 * One story in a feed, with every URL absolute.
 *
 * @param id permanent: built from the story's number and creation date, so edits and new slugs keep it
 * @param contentHtml the full, sanitised article body
 * @param image the featured image, or null
 * @param authors every byline, lead first
 */
public record FeedEntry(
        String id,
        String url,
        String title,
        String summary,
        String contentHtml,
        List<Person> authors,
        List<Category> categories,
        Image image,
        Instant published,
        Instant updated,
        String language) {

    public FeedEntry {
        // Stored text keeps the input rule already; this makes sure one bad row can never stop a feed (XML 1.0 has no
        // way to write a control character, and the writer would throw).
        title = PlainText.multiline(title);
        summary = PlainText.multiline(summary);
        contentHtml = PlainText.multiline(contentHtml);
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }

    /** A byline, in order: every one reaches every format. */
    public record Person(String name, String url) {
        public Person {
            name = PlainText.multiline(name);
        }
    }

    public record Category(String name, String url) {
        public Category {
            name = PlainText.multiline(name);
        }
    }

    /**
     * @param length size in bytes, 0 when unknown (RSS requires the attribute)
     * @param width 0 when unknown
     */
    public record Image(String url, String type, long length, int width, int height, String alt) {}
}
