package news.gazette.admin;

import java.time.Instant;
import java.util.List;

/**
 * The model of {@code admin/dashboard.jte}. An editor's: counts, what waits for review, what is due to appear, and
 * what changed lately. A contributor's: what came back to them and their own stories.
 *
 * @param counts null on a contributor's dashboard, which shows only their own stories
 */
public record DashboardPage(
        AdminLayout layout,
        boolean editor,
        NewsroomCounts counts,
        List<NewsroomRow> waitingForReview,
        List<NewsroomRow> returnedToMe,
        List<NewsroomRow> scheduled,
        List<NewsroomRow> recent,
        Instant now) {

    public DashboardPage {
        waitingForReview = List.copyOf(waitingForReview);
        returnedToMe = List.copyOf(returnedToMe);
        scheduled = List.copyOf(scheduled);
        recent = List.copyOf(recent);
    }
}
