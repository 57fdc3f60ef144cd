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

    private final Jdbc jdbc;

    public AccountRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.count("select count(*) from account");
    }

    public List<Account> findAll() {
        return jdbc.list(
                "select id, username, role, created_at from account order by username", AccountRepository::toAccount);
    }

    public Optional<Account> findById(long id) {
        return jdbc.first(
                "select id, username, role, created_at from account where id = ?", AccountRepository::toAccount, id);
    }

    public Optional<Credentials> findCredentials(String username) {
        return jdbc.first(
                "select id, username, role, created_at, password_hash from account where username = ?",
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
            return Optional.of(new Account(id, username, role, now));
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

    private static Account toAccount(ResultSet row) throws SQLException {
        return new Account(
                row.getLong("id"),
                row.getString("username"),
                Role.fromDb(row.getString("role")),
                Jdbc.instant(row, "created_at"));
    }
}
