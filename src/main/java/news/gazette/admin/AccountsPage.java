package news.gazette.admin;

import java.util.List;
import news.gazette.account.Account;
import news.gazette.backup.StoreBackup;

/**
 * The model of {@code admin/accounts.jte}: every account, the form to add one, and the site's backups.
 *
 * @param noticeIsError whether the notice reports a refusal rather than a done change
 * @param storeBackup how the store itself is backed up: the online backup here, or PostgreSQL's {@code pg_dump}
 */
public record AccountsPage(
        AdminLayout layout,
        List<Account> accounts,
        String username,
        String role,
        FormErrors errors,
        String notice,
        boolean noticeIsError,
        StoreBackup storeBackup) {

    public AccountsPage {
        accounts = List.copyOf(accounts);
    }

    public boolean onlineBackup() {
        return storeBackup == StoreBackup.ONLINE;
    }

    public boolean pgDump() {
        return storeBackup == StoreBackup.PG_DUMP;
    }
}
