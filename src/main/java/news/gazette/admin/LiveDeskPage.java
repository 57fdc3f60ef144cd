package news.gazette.admin;

import news.gazette.story.LiveCoverage;
import news.gazette.story.Story;

/**
 * The model of {@code admin/live.jte}: a story's live coverage and the entry form, as typed.
 *
 * @param coverage null until the coverage is started
 * @param editing the entry the form corrects, or null for a new one
 */
public record LiveDeskPage(
        AdminLayout layout,
        Story story,
        LiveCoverage coverage,
        FormErrors errors,
        LiveEntryForm form,
        Long editing,
        String notice,
        boolean storyVisible) {

    public boolean isOn() {
        return coverage != null && coverage.isOn();
    }

    /** Where the form goes: a new entry, or the one being corrected. */
    public String action() {
        String entries = "/admin/stories/" + story.id() + "/live/entries";
        return editing == null ? entries : entries + "/" + editing;
    }
}
