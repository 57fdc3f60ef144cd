package news.gazette.story;

import java.util.List;
import news.gazette.web.Layout;

/**
 * The model of {@code story/index.jte}: the lead story on page one, then the latest stories.
 *
 * @param lead the newest story, shown large; null on later pages or when nothing is published
 * @param latest the other stories on this page
 */
public record FrontPage(Layout layout, StoryCard lead, List<StoryCard> latest, PageOf<StoryCard> page) {

    public FrontPage {
        latest = List.copyOf(latest);
    }

    public boolean isEmpty() {
        return lead == null && latest.isEmpty();
    }
}
