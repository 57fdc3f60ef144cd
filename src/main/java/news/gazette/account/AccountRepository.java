package news.gazette.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import news.gazette.db.Jdbc;

/** Accounts and their password hashes. */
public final class AccountRepository {

    /** An account with its hash, only for checking a password. */
    public record Credentials(Account account, String passwordHash) {}

    static final String COLUMNS = "id, username, display_name, role, disabled_at, created_at";

    private final Jdbc jdbc;

    public AccountRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.count("select count(*) from account");
    }

    public List<Account> findAll() {
        return jdbc.list("select " + COLUMNS + " from account order by username", AccountRepository::toAccount);
    }

    public Optional<Account> findById(long id) {
        return jdbc.first("select " + COLUMNS + " from account where id = ?", AccountRepository::toAccount, id);
    }

    public Optional<Credentials> findCredentials(String username) {
        return jdbc.first(
                "select " + COLUMNS + ", password_hash from account where username = ?",
                row -> new Credentials(toAccount(row), row.getString("password_hash")),
                username);
    }

    /** Creates an account; empty if the name is taken. */
    public Optional<Account> create(String username, String passwordHash, Role role, Instant now) {
        try {
            long id = jdbc.withConnection(c -> Jdbc.insert(
                    c,
                    "insert into account (username, password_hash, role, created_at) values (?, ?, ?, ?)",
                    username,
                    passwordHash,
                    role.dbValue(),
                    now));
            return Optional.of(new Account(id, username, null, role, false, now));
        } catch (Jdbc.DataAccessException e) {
            if (Jdbc.isConstraintViolation(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Sets a new password and signs the account out everywhere; false if there is no such account. */
    public boolean changePassword(String username, String passwordHash) {
        return jdbc.inTransaction(c -> {
            int changed =
                    Jdbc.update(c, "update account set password_hash = ? where username = ?", passwordHash, username);
            Jdbc.update(
                    c,
                    "delete from admin_session where account_id in (select id from account where username = ?)",
                    username);
            return changed == 1;
        });
    }

    public void delete(long id) {
        jdbc.update("delete from account where id = ?", id);
    }

    /** Sets the name on the account's bylines; blank goes back to the username. */
    public void setDisplayName(long id, String displayName) {
        jdbc.update(
                "update account set display_name = ? where id = ?",
                displayName == null || displayName.isBlank() ? null : displayName.strip(),
                id);
    }

    /** Gives the account another role; its sessions end, so the new permissions apply from its next sign-in. */
    public void setRole(long id, Role role) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "update account set role = ? where id = ?", role.dbValue(), id);
            Jdbc.update(c, "delete from admin_session where account_id = ?", id);
            return null;
        });
    }

    /** Disables (signs out everywhere, refuses sign-in) or enables an account. */
    public void setDisabled(long id, boolean disabled, Instant now) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "update account set disabled_at = ? where id = ?", disabled ? now : null, id);
            if (disabled) {
                Jdbc.update(c, "delete from admin_session where account_id = ?", id);
            }
            return null;
        });
    }

    /** How many administrators can still sign in: the last one may not be disabled, demoted or deleted. */
    public long activeAdministrators() {
        return jdbc.count("select count(*) from account where role = 'administrator' and disabled_at is null");
    }

    static Account toAccount(ResultSet row) throws SQLException {
        return new Account(
                row.getLong("id"),
                row.getString("username"),
                row.getString("display_name"),
                Role.fromDb(row.getString("role")),
                row.getTimestamp("disabled_at") != null,
                Jdbc.instant(row, "created_at"));
    }
}
