package news.gazette.admin;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import news.gazette.change.ChangeKey;
import news.gazette.change.ChangeLog;
import news.gazette.db.Jdbc;

/**
 * The newsroom's writes to the front page control: pinning a lead, the breaking-news banner, and ending either when
 * its time is up. Each is one transaction with its change-log row, so every instance, its page cache and the caches in
 * front hear of it within a poll: a pin changes the lists; the banner, every page (the site key).
 */
public final class FrontPageDesk {

    /** What the front page control holds now. */
    public record Control(
            Long pinnedStoryId,
            String pinnedHeadline,
            Instant pinnedUntil,
            String bannerText,
            String bannerUrl,
            Instant bannerUntil,
            Instant changedAt,
            String changedBy) {}

    private final Jdbc jdbc;

    public FrontPageDesk(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Control current() {
        return jdbc.first(
                        """
                        select f.*, s.headline from front_page_control f left join story s on s.id = f.pinned_story_id
                        where f.id = 1""",
                        row -> new Control(
                                row.getObject("pinned_story_id") == null ? null : row.getLong("pinned_story_id"),
                                row.getString("headline"),
                                Jdbc.instant(row, "pinned_until"),
                                row.getString("banner_text"),
                                row.getString("banner_url"),
                                Jdbc.instant(row, "banner_until"),
                                Jdbc.instant(row, "changed_at"),
                                row.getString("changed_by")))
                .orElseThrow();
    }

    /** Pins {@code storyId} as the lead until {@code until}; null story unpins. */
    public void pin(Long storyId, Instant until, String by, Instant now) {
        jdbc.inTransaction(c -> {
            Jdbc.update(
                    c,
                    "update front_page_control set pinned_story_id = ?, pinned_until = ?, changed_at = ?, changed_by = ?"
                            + " where id = 1",
                    storyId,
                    storyId == null ? null : until,
                    now,
                    by);
            ChangeLog.record(c, pinKeys(storyId), now);
            return null;
        });
    }

    /** Shows {@code text} across every page until {@code until}; null text takes the banner down. */
    public void banner(String text, String url, Instant until, String by, Instant now) {
        jdbc.inTransaction(c -> {
            Jdbc.update(
                    c,
                    "update front_page_control set banner_text = ?, banner_url = ?, banner_until = ?, changed_at = ?,"
                            + " changed_by = ? where id = 1",
                    text,
                    text == null ? null : url,
                    text == null ? null : until,
                    now,
                    by);
            ChangeLog.record(c, List.of(ChangeKey.SITE), now);
            return null;
        });
    }

    /**
     * Ends a pin or a banner whose time is up, each once whichever instance's poll gets there first (the update that
     * clears it is the claim); returns how many ended.
     */
    public int expireDue(Instant now) {
        // Asked a few times a second on every instance: a read, and a write only when something is due.
        boolean due = jdbc.count(
                        "select count(*) from front_page_control where id = 1 and (pinned_until <= ? or banner_until <= ?)",
                        now,
                        now)
                > 0;
        if (!due) {
            return 0;
        }
        return jdbc.inTransaction(c -> {
            int ended = 0;
            List<Long> pinned = Jdbc.list(
                    c,
                    "select pinned_story_id from front_page_control where id = 1 and pinned_until <= ?",
                    row -> row.getObject(1) == null ? null : row.getLong(1),
                    now);
            if (Jdbc.update(
                            c,
                            "update front_page_control set pinned_story_id = null, pinned_until = null"
                                    + " where id = 1 and pinned_until <= ?",
                            now)
                    == 1) {
                ChangeLog.record(c, pinKeys(pinned.isEmpty() ? null : pinned.get(0)), now);
                ended++;
            }
            if (Jdbc.update(
                            c,
                            "update front_page_control set banner_text = null, banner_url = null, banner_until = null"
                                    + " where id = 1 and banner_until <= ?",
                            now)
                    == 1) {
                ChangeLog.record(c, List.of(ChangeKey.SITE), now);
                ended++;
            }
            return ended;
        });
    }

    private static Set<ChangeKey> pinKeys(Long storyId) {
        return storyId == null ? Set.of(ChangeKey.LIST) : Set.of(ChangeKey.LIST, ChangeKey.story(storyId));
    }
}
