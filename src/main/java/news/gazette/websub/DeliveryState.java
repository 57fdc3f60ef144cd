package news.gazette.websub;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import news.gazette.db.Jdbc;

/**
 * What is owed to whom, in the database for every instance: the delivery columns that subscriptions and external hub
 * pings share (V69). Any instance may {@link #notice} that a topic's feed differs from what a row last received, as
 * often as it likes; exactly one instance at a time holds a row's {@link #claimDue claim} and sends it, and only the
 * holder of that claim can record the outcome, so a send that outlived its claim cannot overwrite the next one's.
 */
final class DeliveryState {

    /** A row this instance may send now, until its claim runs out; {@code token} proves the claim. */
    record Claim(long id, String token) {}

    private final Jdbc jdbc;
    // A constant of this package, never input: "websub_subscription" or "websub_hub_ping".
    private final String table;

    DeliveryState(Jdbc jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /**
     * Marks every row of {@code topic} whose last version differs from {@code hash} as owed from {@code now} (or from
     * when it already was), and counts the notice, so a send under way does not clear what was noticed after it began.
     */
    int notice(String topic, String hash, Instant now) {
        return jdbc.update(
                "update " + table + " set due_at = coalesce(due_at, ?), noticed = noticed + 1"
                        + " where topic = ? and (delivered_hash is null or delivered_hash <> ?)",
                now,
                topic,
                hash);
    }

    /**
     * Claims up to {@code limit} rows due by {@code now} that no live claim holds, until {@code until}. Each claim is
     * one conditional update: when instances race for a row, the database lets one update it and the others find the
     * condition false (PostgreSQL re-reads the row after the lock, H2 waits for it and re-checks).
     */
    List<Claim> claimDue(Instant now, int limit, Instant until) {
        if (limit <= 0) {
            return List.of();
        }
        List<Long> due = jdbc.list(
                "select id from " + table + " where due_at <= ? and (claimed_until is null or claimed_until <= ?)"
                        + " order by due_at limit ?",
                row -> row.getLong(1),
                now,
                now,
                limit);
        List<Claim> claimed = new ArrayList<>();
        for (long id : due) {
            String token = UUID.randomUUID().toString();
            int won = jdbc.update(
                    "update " + table + " set claim = ?, claimed_until = ? where id = ? and due_at <= ?"
                            + " and (claimed_until is null or claimed_until <= ?)",
                    token,
                    until,
                    id,
                    now,
                    now);
            if (won == 1) {
                claimed.add(new Claim(id, token));
            }
        }
        return claimed;
    }

    /**
     * The claimed send is done with version {@code hash} (delivered, or nothing new, or given up on): that version is
     * the row's from now on, and it is owed nothing more unless a change was noticed since the claim read
     * {@code noticedAtClaim}.
     */
    void finished(Claim claim, String hash, long noticedAtClaim) {
        jdbc.update(
                "update " + table + " set delivered_hash = ?, attempts = 0, claim = null, claimed_until = null,"
                        + " due_at = case when noticed = ? then null else due_at end where id = ? and claim = ?",
                hash,
                noticedAtClaim,
                claim.id(),
                claim.token());
    }

    /** The claimed send failed: one more attempt counted, the next at {@code next}, by whichever instance claims it. */
    void retryAt(Claim claim, Instant next) {
        jdbc.update(
                "update " + table + " set attempts = attempts + 1, due_at = ?, claim = null, claimed_until = null"
                        + " where id = ? and claim = ?",
                next,
                claim.id(),
                claim.token());
    }

    /** Rows owed a delivery now or later, for tests and the metrics. */
    long owed() {
        return jdbc.count("select count(*) from " + table + " where due_at is not null");
    }
}
