package news.gazette.story;

/** The model of {@code story/live.jte}: a live story's entries alone, for the article's refresh. */
public record LiveEntriesPage(Story story, LiveCoverage live) {}
