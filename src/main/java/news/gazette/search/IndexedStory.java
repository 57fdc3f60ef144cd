package news.gazette.search;

import java.time.Instant;
import java.util.List;
import news.gazette.story.Author;
import news.gazette.story.FeaturedImage;

/**
 * What the search index holds of one story: what it is found by and what a results page shows of it, never its
 * newsroom notes or its Markdown.
 *
 * @param bodyText the stored body's text as readers read it, without markup or link targets; a live story's newest
 *     entries come first
 * @param image the featured image, or null
 * @param tags the tags' names, in the story's order
 */
record IndexedStory(
        long id,
        String slug,
        String headline,
        String summary,
        String bodyText,
        List<Author> authors,
        Instant publishedAt,
        Instant updatedAt,
        boolean developing,
        FeaturedImage image,
        List<String> tags) {

    IndexedStory {
        summary = summary == null ? "" : summary;
        bodyText = bodyText == null ? "" : bodyText;
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
    }
}
