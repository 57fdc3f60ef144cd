package news.gazette.story;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a list of stories shows of each one: no body, no newsroom notes. */
public record StoryCard(
        long id,
        String slug,
        String headline,
        String summary,
        Author author,
        Instant publishedAt,
        Instant updatedAt,
        boolean developing,
        FeaturedImage image,
        List<Tag> tags) {

    public StoryCard {
        tags = List.copyOf(tags);
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
        return new StoryCard(id, slug, headline, summary, author, publishedAt, updatedAt, developing, image, newTags);
    }
}
