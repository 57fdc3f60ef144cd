package news.gazette.story;

import java.time.Instant;

/** A dated "what changed" note on a developing story. */
public record StoryUpdate(long id, Instant postedAt, String note) {}
