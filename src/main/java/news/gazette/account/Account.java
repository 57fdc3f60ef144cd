package news.gazette.account;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A newsroom account. The password hash never leaves {@link AccountRepository}.
 *
 * @param displayName the name on the account's bylines; the username until one is given
 * @param disabled a disabled account cannot sign in; its stories and revisions keep its name
 */
public record Account(long id, String username, String displayName, Role role, boolean disabled, Instant createdAt) {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");
    public static final int MAX_DISPLAY_NAME = 200;

    public Account {
        displayName = displayName == null || displayName.isBlank() ? username : displayName;
    }

    public boolean isAdministrator() {
        return role == Role.ADMINISTRATOR;
    }

    /** Publishes, schedules, reviews and edits everyone's stories: editors and administrators. */
    public boolean publishes() {
        return role.publishes();
    }

    /** Lowercase letters, digits, dot, hyphen and underscore, 2 to 60 characters. */
    public static boolean isValidUsername(String name) {
        return name != null && USERNAME.matcher(name).matches();
    }
}
