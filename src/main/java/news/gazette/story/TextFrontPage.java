package news.gazette.story;

import java.util.List;
import news.gazette.web.Layout;

/** The text edition's front page: the newest headlines with their times. */
public record TextFrontPage(Layout layout, List<StoryCard> stories) {}
