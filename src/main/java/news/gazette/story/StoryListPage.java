package news.gazette.story;

import news.gazette.web.Layout;

/**
 * The model of {@code story/list.jte}: the stories of one tag or one author.
 *
 * @param kicker what kind of list this is, e.g. "Topic" or "Author"
 * @param basePath the list's first page; later pages are {@code basePath + "/page/" + n}
 * @param author whose page this is, with their photo and links; null on a tag's
 */
public record StoryListPage(
        Layout layout,
        String kicker,
        String heading,
        String intro,
        String basePath,
        PageOf<StoryCard> page,
        Author author) {}
