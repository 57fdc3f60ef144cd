package news.gazette.admin;

import java.time.Instant;
import news.gazette.story.StoryStatus;

/** One story in the newsroom's lists: what it is called, who wrote it, where it stands and when it last changed. */
public record NewsroomRow(
        long id,
        String slug,
        String headline,
        String authorName,
        StoryStatus status,
        Instant publishedAt,
        Instant modifiedAt,
        Instant deletedAt) {

    /** "Draft", "Scheduled", "Published" or "In trash", as of {@code now}. */
    public String stateAt(Instant now) {
        if (deletedAt != null) {
            return "In trash";
        }
        if (status == StoryStatus.DRAFT) {
            return "Draft";
        }
        return publishedAt != null && publishedAt.isAfter(now) ? "Scheduled" : "Published";
    }

    public String path() {
        return "/articles/" + slug;
    }
}
