package news.gazette.story;

import java.time.Instant;

/**
 * A published correction: what the story got wrong and what is right. Shown prominently on the article and listed on
 * the public corrections page.
 */
public record StoryCorrection(long id, Instant postedAt, String wrong, String correct) {}
