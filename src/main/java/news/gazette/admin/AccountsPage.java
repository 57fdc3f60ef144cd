package news.gazette.admin;

import java.util.List;
import news.gazette.account.Account;

/** The model of {@code admin/accounts.jte}: every account, and the form to add one. */
public record AccountsPage(
        AdminLayout layout, List<Account> accounts, String username, String role, FormErrors errors, String notice) {

    public AccountsPage {
        accounts = List.copyOf(accounts);
    }
}
