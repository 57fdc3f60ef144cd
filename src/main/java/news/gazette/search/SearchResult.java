package news.gazette.search;

import news.gazette.story.StoryCard;

/**
 * One story that matched, with its headline and an excerpt of its text that show the matching words.
 *
 * @param score how well it matched; higher is better
 */
public record SearchResult(StoryCard card, Highlighted headline, Highlighted snippet, float score) {}
