package news.gazette.story;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import news.gazette.db.Jdbc;
import news.gazette.web.SiteBanner;

/** Reads what editors set on the front page: the pinned lead and the breaking-news banner. The newsroom writes them. */
public final class FrontPageControl {

    private final Jdbc jdbc;

    public FrontPageControl(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The banner as set, whether or not its time is up; callers ask {@link SiteBanner#shownAt}. */
    public Optional<SiteBanner> banner() {
        return jdbc.first(
                "select banner_text, banner_url, banner_until from front_page_control where id = 1"
                        + " and banner_text is not null",
                row -> new SiteBanner(
                        row.getString("banner_text"), row.getString("banner_url"), Jdbc.instant(row, "banner_until")));
    }

    /** When an editor last changed the pin or the banner (for the front page's Last-Modified); null if never. */
    public Instant changedAt() {
        List<Instant> changed = jdbc.list(
                "select changed_at from front_page_control where id = 1 and changed_at is not null",
                row -> Jdbc.instant(row, "changed_at"));
        return changed.isEmpty() ? null : changed.get(0);
    }

    /** The story pinned as the lead at {@code now}, if it is pinned, still pinned and visible to readers. */
    public OptionalLong pinnedLead(Instant now) {
        List<Long> pinned = jdbc.list(
                "select f.pinned_story_id from front_page_control f join story s on s.id = f.pinned_story_id"
                        + " where f.id = 1 and f.pinned_until > ? and " + JdbcStoryRepository.VISIBLE,
                row -> row.getLong(1),
                now,
                now);
        return pinned.isEmpty() ? OptionalLong.empty() : OptionalLong.of(pinned.get(0));
    }
}
