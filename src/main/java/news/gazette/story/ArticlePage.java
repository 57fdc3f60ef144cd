package news.gazette.story;

import java.util.List;
import news.gazette.web.Layout;

/**
 * The model of {@code story/show.jte}.
 *
 * @param live the story's live coverage, or null when it never had any
 */
public record ArticlePage(Layout layout, Story story, RenderedHtml body, List<StoryCard> related, LiveCoverage live) {

    public ArticlePage {
        related = List.copyOf(related);
    }

    public ArticlePage(Layout layout, Story story, RenderedHtml body, List<StoryCard> related) {
        this(layout, story, body, related, null);
    }

    public int readingMinutes() {
        return body.readingMinutes();
    }
}
