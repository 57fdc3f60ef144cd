package news.gazette.account;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes sure a fresh install can be signed into: with no account at all, it creates the administrator {@code admin}. */
public final class AccountBootstrap {

    public static final String FIRST_USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private AccountBootstrap() {}

    /**
     * Creates {@code admin} when there is no account. The password is {@code configured} if given (from
     * GAZETTE_ADMIN_PASSWORD), else a random one that is logged this once and never stored in clear.
     */
    public static void ensureAdministrator(
            AccountRepository accounts, Passwords passwords, String configured, Instant now) {
        if (accounts.count() > 0) {
            return;
        }
        boolean random = configured == null || configured.isBlank();
        String password = random ? Passwords.random() : configured;
        if (accounts.create(FIRST_USERNAME, passwords.hash(password), Role.ADMINISTRATOR, now)
                .isEmpty()) {
            return; // another instance created it a moment ago
        }
        if (random) {
            log.warn(
                    "Created the newsroom account '{}' with the password {} -- sign in at /admin/login and keep it"
                            + " safe; it is not shown again.",
                    FIRST_USERNAME,
                    password);
        } else {
            log.info(
                    "Created the newsroom account '{}' with the password from GAZETTE_ADMIN_PASSWORD.", FIRST_USERNAME);
        }
    }
}
