package news.gazette.account;

import java.util.Locale;
import java.util.Optional;

/**
 * What an account may do: a contributor writes their own stories and submits them for review; an editor also reviews,
 * publishes and edits everyone's stories; an administrator also manages accounts and deletes for good.
 */
public enum Role {
    ADMINISTRATOR,
    EDITOR,
    CONTRIBUTOR;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return switch (this) {
            case ADMINISTRATOR -> "Administrator";
            case EDITOR -> "Editor";
            case CONTRIBUTOR -> "Contributor";
        };
    }

    /** Publishing, scheduling, reviewing, and editing stories other people started. */
    public boolean publishes() {
        return this != CONTRIBUTOR;
    }

    public static Role fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Parses "editor", "Administrator", "admin", "contributor" and the like; empty for anything else. */
    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "administrator", "admin" -> Optional.of(ADMINISTRATOR);
            case "editor" -> Optional.of(EDITOR);
            case "contributor" -> Optional.of(CONTRIBUTOR);
            default -> Optional.empty();
        };
    }
}
