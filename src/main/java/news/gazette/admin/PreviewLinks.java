package news.gazette.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import news.gazette.db.Jdbc;

/**
 * Private links to a story readers cannot see yet. A link is a capability: 256 random bits in its address, of which
 * the database keeps only the SHA-256, with an expiry and a revocation time. Kept in the database rather than signed
 * with a key, so every instance honours a revocation at once and there is no key to hand around.
 */
public final class PreviewLinks {

    public static final Duration LONGEST = Duration.ofDays(30);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A link as the newsroom lists it; the address itself is shown only once, when it is made. */
    public record Link(long id, String createdBy, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        public boolean activeAt(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    private final Jdbc jdbc;

    public PreviewLinks(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes a link to {@code storyId} valid for {@code validFor}; returns the token for its address. */
    public String create(long storyId, Duration validFor, String by, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Duration length = validFor.compareTo(LONGEST) > 0 ? LONGEST : validFor;
        jdbc.update(
                "insert into preview_link (story_id, token_hash, created_by, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?)",
                storyId,
                hash(token),
                by,
                now,
                now.plus(length));
        return token;
    }

    /** The story a token opens now, if it is well formed, known, unexpired and not revoked. */
    public OptionalLong storyFor(String token, Instant now) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return OptionalLong.empty();
        }
        List<Long> found = jdbc.list(
                "select story_id from preview_link where token_hash = ? and revoked_at is null and expires_at > ?",
                row -> row.getLong(1),
                hash(token),
                now);
        return found.isEmpty() ? OptionalLong.empty() : OptionalLong.of(found.get(0));
    }

    /** Newest first. */
    public List<Link> of(long storyId) {
        return jdbc.list(
                "select id, created_by, created_at, expires_at, revoked_at from preview_link where story_id = ?"
                        + " order by created_at desc, id desc",
                row -> new Link(
                        row.getLong("id"),
                        row.getString("created_by"),
                        Jdbc.instant(row, "created_at"),
                        Jdbc.instant(row, "expires_at"),
                        Jdbc.instant(row, "revoked_at")),
                storyId);
    }

    /** Revokes one of the story's links; false if there is no such link. */
    public boolean revoke(long storyId, long linkId, Instant now) {
        return jdbc.update(
                        "update preview_link set revoked_at = coalesce(revoked_at, ?) where id = ? and story_id = ?",
                        now,
                        linkId,
                        storyId)
                == 1;
    }

    private static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
