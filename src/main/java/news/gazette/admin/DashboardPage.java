package news.gazette.admin;

import java.time.Instant;
import java.util.List;

/** The model of {@code admin/dashboard.jte}: counts, what is due to appear, and what changed lately. */
public record DashboardPage(
        AdminLayout layout, NewsroomCounts counts, List<NewsroomRow> scheduled, List<NewsroomRow> recent, Instant now) {

    public DashboardPage {
        scheduled = List.copyOf(scheduled);
        recent = List.copyOf(recent);
    }
}
