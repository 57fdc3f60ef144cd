package news.gazette.account;

import java.util.Locale;
import java.util.Optional;

/** What an account may do: an administrator also manages accounts; an editor writes and publishes. */
public enum Role {
    ADMINISTRATOR,
    EDITOR;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return this == ADMINISTRATOR ? "Administrator" : "Editor";
    }

    public static Role fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Parses "editor", "Administrator", "admin" and the like; empty for anything else. */
    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "administrator", "admin" -> Optional.of(ADMINISTRATOR);
            case "editor" -> Optional.of(EDITOR);
            default -> Optional.empty();
        };
    }
}
