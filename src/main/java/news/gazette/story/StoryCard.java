package news.gazette.story;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a list of stories shows of each one: no body, no newsroom notes.
 *
 * @param authors its bylines in order, never empty
 */
public record StoryCard(
        long id,
        String slug,
        String headline,
        String summary,
        List<Author> authors,
        Instant publishedAt,
        Instant updatedAt,
        boolean developing,
        FeaturedImage image,
        List<Tag> tags) {

    public StoryCard {
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
        if (authors.isEmpty()) {
            throw new IllegalArgumentException("a story needs a byline");
        }
    }

    /** The lead byline. */
    public Author author() {
        return authors.get(0);
    }

    /** The same card under {@code bylines}, when any are known; otherwise unchanged. */
    public StoryCard withAuthors(List<Author> bylines) {
        return bylines == null || bylines.isEmpty()
                ? this
                : new StoryCard(id, slug, headline, summary, bylines, publishedAt, updatedAt, developing, image, tags);
    }

    public String path() {
        return "/articles/" + slug;
    }

    public Optional<FeaturedImage> featuredImage() {
        return Optional.ofNullable(image);
    }

    public boolean wasUpdated() {
        return updatedAt != null && publishedAt != null && updatedAt.isAfter(publishedAt);
    }

    public StoryCard withTags(List<Tag> newTags) {
        return new StoryCard(id, slug, headline, summary, authors, publishedAt, updatedAt, developing, image, newTags);
    }
}
