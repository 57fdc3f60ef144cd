package news.gazette.account;

import java.time.Instant;
import java.util.regex.Pattern;

/** A newsroom account. The password hash never leaves {@link AccountRepository}. */
public record Account(long id, String username, Role role, Instant createdAt) {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");

    public boolean isAdministrator() {
        return role == Role.ADMINISTRATOR;
    }

    /** Lowercase letters, digits, dot, hyphen and underscore, 2 to 60 characters. */
    public static boolean isValidUsername(String name) {
        return name != null && USERNAME.matcher(name).matches();
    }
}
