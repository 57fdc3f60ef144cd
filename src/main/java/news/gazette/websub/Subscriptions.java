package news.gazette.websub;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.gazette.db.Jdbc;

/** The hub's verified subscriptions ({@code websub_subscription}), shared by every instance. */
final class Subscriptions {

    /** A subscription as its claimed delivery reads it. */
    record Subscription(
            long id,
            String topic,
            String callback,
            String secret,
            Instant expiresAt,
            String deliveredHash,
            long noticed,
            int attempts) {}

    private final Jdbc jdbc;
    private final DeliveryState state;

    Subscriptions(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.state = new DeliveryState(jdbc, "websub_subscription");
    }

    DeliveryState state() {
        return state;
    }

    boolean exists(String topic, String callback) {
        return jdbc.count(
                        "select count(*) from websub_subscription where subscription_key = ?",
                        Hashes.key(topic, callback))
                > 0;
    }

    long countForHost(String host, Instant now) {
        return jdbc.count(
                "select count(*) from websub_subscription where callback_host = ? and expires_at > ?", host, now);
    }

    long countAll(Instant now) {
        return jdbc.count("select count(*) from websub_subscription where expires_at > ?", now);
    }

    /**
     * Stores a verified subscription, or renews it: the same callback and topic get the new lease and secret and keep
     * their delivery state. A new one starts at {@code currentHash}, the version the subscriber could fetch itself,
     * so its first delivery is the next change.
     */
    void save(String topic, String callback, String secret, int leaseSeconds, Instant now, String currentHash) {
        String key = Hashes.key(topic, callback);
        Instant expires = now.plusSeconds(leaseSeconds);
        if (renew(key, secret, leaseSeconds, now, expires)) {
            return;
        }
        try {
            jdbc.update(
                    """
                    insert into websub_subscription (subscription_key, topic, callback, callback_host, secret,
                        lease_seconds, verified_at, expires_at, delivered_hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    key,
                    topic,
                    callback,
                    Callbacks.host(callback),
                    secret,
                    leaseSeconds,
                    now,
                    expires,
                    currentHash);
        } catch (Jdbc.DataAccessException e) {
            // Another instance stored the same pair a moment ago: this verification renews it.
            if (!Jdbc.isConstraintViolation(e) || !renew(key, secret, leaseSeconds, now, expires)) {
                throw e;
            }
        }
    }

    private boolean renew(String key, String secret, int leaseSeconds, Instant now, Instant expires) {
        return jdbc.update("""
                        update websub_subscription set secret = ?, lease_seconds = ?, verified_at = ?, expires_at = ?
                        where subscription_key = ?""", secret, leaseSeconds, now, expires, key) == 1;
    }

    boolean remove(String topic, String callback) {
        return jdbc.update("delete from websub_subscription where subscription_key = ?", Hashes.key(topic, callback))
                == 1;
    }

    void delete(long id) {
        jdbc.update("delete from websub_subscription where id = ?", id);
    }

    /** The topics someone follows now: what a change makes the hub look at. */
    List<String> liveTopics(Instant now) {
        return jdbc.list(
                "select distinct topic from websub_subscription where expires_at > ?", row -> row.getString(1), now);
    }

    /** Ends every lease that has run out; any instance may, and deleting twice is deleting once. */
    int deleteExpired(Instant now) {
        return jdbc.update("delete from websub_subscription where expires_at <= ?", now);
    }

    /** The subscription behind {@code claim}, while the claim is still this instance's. */
    Optional<Subscription> claimed(DeliveryState.Claim claim) {
        return jdbc.first(
                """
                select id, topic, callback, secret, expires_at, delivered_hash, noticed, attempts
                from websub_subscription where id = ? and claim = ?""",
                row -> new Subscription(
                        row.getLong("id"),
                        row.getString("topic"),
                        row.getString("callback"),
                        row.getString("secret"),
                        Jdbc.instant(row, "expires_at"),
                        row.getString("delivered_hash"),
                        row.getLong("noticed"),
                        row.getInt("attempts")),
                claim.id(),
                claim.token());
    }
}
