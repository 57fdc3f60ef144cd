package news.gazette.admin;

import news.gazette.story.LiveCoverage;
import news.gazette.story.Story;

/**
 * The model of {@code admin/live.jte}: a story's live coverage and the quick entry form, as typed.
 *
 * @param coverage null until the coverage is started
 * @param imageUrl an image uploaded with a refused entry, kept so it need not be chosen again
 */
public record LiveDeskPage(
        AdminLayout layout,
        Story story,
        LiveCoverage coverage,
        FormErrors errors,
        String body,
        String author,
        boolean pinned,
        String imageUrl,
        String imageAlt,
        String notice,
        boolean storyVisible) {

    public boolean isOn() {
        return coverage != null && coverage.isOn();
    }
}
