package news.gazette.story;

import java.util.List;
import news.gazette.web.Layout;

/** The model of {@code story/show.jte}. */
public record ArticlePage(Layout layout, Story story, RenderedHtml body, List<StoryCard> related) {

    public ArticlePage {
        related = List.copyOf(related);
    }

    public int readingMinutes() {
        return body.readingMinutes();
    }
}
