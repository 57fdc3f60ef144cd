package news.gazette.websub;

import java.util.List;
import java.util.Optional;
import news.gazette.db.Jdbc;

/**
 * The publish pings owed to the external hubs ({@code websub_hub_ping}): one row per hub and topic, with the same
 * delivery state as a subscription, so a changed feed is pinged to each hub once across instances.
 */
final class HubPings {

    /** A ping as its claimed send reads it. */
    record Ping(long id, String hub, String topic, String deliveredHash, long noticed, int attempts) {}

    private final Jdbc jdbc;
    private final DeliveryState state;

    HubPings(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.state = new DeliveryState(jdbc, "websub_hub_ping");
    }

    DeliveryState state() {
        return state;
    }

    /**
     * Makes the rows match the configured hubs and topics: new pairs added (their first notice pings once, as the hub
     * cannot know the feed yet), pairs of hubs no longer configured removed.
     */
    void keepOnly(List<String> hubs, List<String> topics) {
        if (hubs.isEmpty()) {
            jdbc.update("delete from websub_hub_ping");
            return;
        }
        jdbc.update(
                "delete from websub_hub_ping where hub not in (" + Jdbc.placeholders(hubs.size()) + ")",
                hubs.toArray());
        for (String hub : hubs) {
            for (String topic : topics) {
                String key = Hashes.key(hub, topic);
                if (jdbc.count("select count(*) from websub_hub_ping where ping_key = ?", key) > 0) {
                    continue;
                }
                try {
                    jdbc.update("insert into websub_hub_ping (ping_key, hub, topic) values (?, ?, ?)", key, hub, topic);
                } catch (Jdbc.DataAccessException e) {
                    if (!Jdbc.isConstraintViolation(e)) {
                        throw e; // else another instance starting at the same time added it
                    }
                }
            }
        }
    }

    List<String> topics() {
        return jdbc.list("select distinct topic from websub_hub_ping", row -> row.getString(1));
    }

    Optional<Ping> claimed(DeliveryState.Claim claim) {
        return jdbc.first(
                "select id, hub, topic, delivered_hash, noticed, attempts from websub_hub_ping where id = ? and claim = ?",
                row -> new Ping(
                        row.getLong("id"),
                        row.getString("hub"),
                        row.getString("topic"),
                        row.getString("delivered_hash"),
                        row.getLong("noticed"),
                        row.getInt("attempts")),
                claim.id(),
                claim.token());
    }
}
