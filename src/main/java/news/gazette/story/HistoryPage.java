package news.gazette.story;

import news.gazette.web.Layout;

/** A story's public history page. */
public record HistoryPage(Layout layout, Story story, StoryHistory history) {}
