package news.gazette.admin;

import java.time.Instant;
import news.gazette.admin.NewsroomStories.Filter;
import news.gazette.story.PageOf;

/** The model of {@code admin/stories.jte}: one page of stories, filtered by state and searched by headline. */
public record StoryListPage(AdminLayout layout, Filter filter, String search, PageOf<NewsroomRow> page, Instant now) {

    /** The list's address with this filter and search on page {@code n}. */
    public String pageUrl(int n) {
        StringBuilder url = new StringBuilder("/admin/stories?status=").append(filter.param());
        if (!search.isEmpty()) {
            url.append("&q=").append(java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8));
        }
        return n > 1 ? url.append("&page=").append(n).toString() : url.toString();
    }

    public Filter[] filters() {
        return Filter.values();
    }
}
