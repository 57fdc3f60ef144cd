package news.gazette.admin;

import java.util.List;
import news.gazette.account.Account;

/**
 * The model of {@code admin/accounts.jte}: every account, the form to add one, and the site's backups.
 *
 * @param onlineBackup whether the store can be backed up while serving (the embedded H2 file store)
 */
public record AccountsPage(
        AdminLayout layout,
        List<Account> accounts,
        String username,
        String role,
        FormErrors errors,
        String notice,
        boolean onlineBackup) {

    public AccountsPage {
        accounts = List.copyOf(accounts);
    }
}
