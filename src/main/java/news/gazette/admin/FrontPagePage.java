package news.gazette.admin;

import java.time.Instant;
import java.util.List;

/** The model of {@code admin/front.jte}: what the front page control holds, and its two forms as typed. */
public record FrontPagePage(
        AdminLayout layout,
        FrontPageDesk.Control control,
        List<NewsroomRow> candidates,
        FormErrors errors,
        String story,
        String pinUntil,
        String bannerText,
        String bannerUrl,
        String bannerUntil,
        String notice,
        Instant now) {

    public FrontPagePage {
        candidates = List.copyOf(candidates);
    }

    public boolean pinned() {
        return control.pinnedStoryId() != null
                && control.pinnedUntil() != null
                && control.pinnedUntil().isAfter(now);
    }

    public boolean bannerUp() {
        return control.bannerText() != null
                && control.bannerUntil() != null
                && control.bannerUntil().isAfter(now);
    }
}
