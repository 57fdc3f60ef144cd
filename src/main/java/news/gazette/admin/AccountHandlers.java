package news.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Locale;
import news.gazette.account.Account;
import news.gazette.account.AccountRepository;
import news.gazette.account.Passwords;
import news.gazette.account.Role;
import news.gazette.backup.StoreBackup;
import news.gazette.web.Pages;

/** Managing accounts: administrators only. */
public final class AccountHandlers {

    private final AccountRepository accounts;
    private final Passwords passwords;
    private final Pages pages;
    private final AdminLayouts layouts;
    private final Clock clock;
    private final StoreBackup storeBackup;

    public AccountHandlers(
            AccountRepository accounts,
            Passwords passwords,
            Pages pages,
            AdminLayouts layouts,
            Clock clock,
            StoreBackup storeBackup) {
        this.storeBackup = storeBackup;
        this.accounts = accounts;
        this.passwords = passwords;
        this.pages = pages;
        this.layouts = layouts;
        this.clock = clock;
    }

    public void list(Context ctx) {
        AdminAuth.requireAdministrator(ctx);
        render(ctx, "", "editor", new FormErrors(), ctx.queryParam("added") != null ? "Account added." : null);
    }

    public void create(Context ctx) {
        AdminAuth.requireAdministrator(ctx);
        String username = value(ctx.formParam("username")).toLowerCase(Locale.ROOT);
        String role = value(ctx.formParam("role"));
        String password = ctx.formParam("password");
        FormErrors errors = new FormErrors();
        if (!Account.isValidUsername(username)) {
            errors.add("username", "Use 2 to 60 lowercase letters, digits, dots, hyphens or underscores.");
        }
        Role parsed = Role.parse(role).orElse(null);
        if (parsed == null) {
            errors.add("role", "Choose editor or administrator.");
        }
        String problem = Passwords.problemWith(password);
        if (problem != null) {
            errors.add("password", problem);
        }
        if (errors.isEmpty()
                && accounts.create(username, passwords.hash(password), parsed, clock.instant())
                        .isEmpty()) {
            errors.add("username", "There is already an account with this name.");
        }
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, username, role, errors, null);
            return;
        }
        ctx.redirect("/admin/accounts?added=1", HttpStatus.SEE_OTHER);
    }

    public void delete(Context ctx) {
        AdminAuth.requireAdministrator(ctx);
        long id = AdminPaths.id(ctx);
        if (id == AdminAuth.account(ctx).id()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            FormErrors errors = new FormErrors();
            render(ctx, "", "editor", errors, "You cannot delete your own account.");
            return;
        }
        accounts.delete(id);
        ctx.redirect("/admin/accounts", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String username, String role, FormErrors errors, String notice) {
        pages.render(
                ctx,
                "admin/accounts.jte",
                new AccountsPage(
                        layouts.of(ctx, "Accounts", "accounts"),
                        accounts.findAll(),
                        username,
                        role,
                        errors,
                        notice,
                        storeBackup));
    }

    private static String value(String s) {
        return s == null ? "" : s.strip();
    }
}
