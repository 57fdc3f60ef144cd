package news.gazette.story;

/** How many stories stand where, for the dashboard. */
public record NewsroomCounts(long drafts, long scheduled, long published, long trashed) {}
