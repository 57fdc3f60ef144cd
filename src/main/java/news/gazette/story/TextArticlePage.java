package news.gazette.story;

import news.gazette.web.Layout;

/**
 * An article in the text edition; its canonical address is the full article's.
 *
 * @param live its live coverage with the newest entries, or null
 */
public record TextArticlePage(Layout layout, Story story, LiveCoverage live) {}
