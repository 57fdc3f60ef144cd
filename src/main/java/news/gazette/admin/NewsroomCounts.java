package news.gazette.admin;

/** How many stories stand where, for the dashboard. */
public record NewsroomCounts(long drafts, long scheduled, long published, long trashed) {}
