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
        String notice = ctx.queryParam("added") != null
                ? "Account added."
                : ctx.queryParam("deleted") != null
                        ? "Account deleted."
                        : ctx.queryParam("changed") != null ? "Account changed." : null;
        render(ctx, "", "editor", new FormErrors(), notice, false);
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
            errors.add("role", "Choose contributor, editor or administrator.");
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
            render(ctx, username, role, errors, null, false);
            return;
        }
        ctx.redirect("/admin/accounts?added=1", HttpStatus.SEE_OTHER);
    }

    /** Deleting is for good, so the first press shows what it deletes and asks again; the second deletes. */
    public void delete(Context ctx) {
        Account target = other(ctx);
        if (target == null) {
            return;
        }
        if (!"yes".equals(ctx.formParam("confirm"))) {
            pages.render(
                    ctx,
                    "admin/confirm.jte",
                    new ConfirmPage(
                            layouts.of(ctx, "Delete " + target.username() + "?", "accounts"),
                            "Delete the account " + target.username() + "?",
                            "They can no longer sign in, and this cannot be undone. Their stories and revisions stay,"
                                    + " with their name. To keep the account but stop them signing in, disable it.",
                            "/admin/accounts/" + target.id() + "/delete",
                            "Delete " + target.username() + " for good",
                            "/admin/accounts"));
            return;
        }
        accounts.delete(target.id());
        ctx.redirect("/admin/accounts?deleted=1", HttpStatus.SEE_OTHER);
    }

    public void changeRole(Context ctx) {
        Account target = other(ctx);
        if (target == null) {
            return;
        }
        Role role = Role.parse(ctx.formParam("role")).orElse(null);
        if (role == null) {
            refuse(ctx, "Choose contributor, editor or administrator.");
            return;
        }
        accounts.setRole(target.id(), role);
        ctx.redirect("/admin/accounts?changed=1", HttpStatus.SEE_OTHER);
    }

    public void disable(Context ctx) {
        Account target = other(ctx);
        if (target != null) {
            accounts.setDisabled(target.id(), true, clock.instant());
            ctx.redirect("/admin/accounts?changed=1", HttpStatus.SEE_OTHER);
        }
    }

    public void enable(Context ctx) {
        Account target = other(ctx);
        if (target != null) {
            accounts.setDisabled(target.id(), false, clock.instant());
            ctx.redirect("/admin/accounts?changed=1", HttpStatus.SEE_OTHER);
        }
    }

    /**
     * The account an administrator acts on, or null after answering: nobody demotes, disables or deletes their own
     * account here (so the newsroom always keeps an administrator who can sign in).
     */
    private Account other(Context ctx) {
        AdminAuth.requireAdministrator(ctx);
        long id = AdminPaths.id(ctx);
        Account target = accounts.findById(id).orElseThrow(io.javalin.http.NotFoundResponse::new);
        if (id == AdminAuth.account(ctx).id()) {
            refuse(ctx, "You cannot change or delete your own account here; another administrator can.");
            return null;
        }
        return target;
    }

    private void refuse(Context ctx, String message) {
        ctx.status(HttpStatus.BAD_REQUEST);
        render(ctx, "", "editor", new FormErrors(), message, true);
    }

    private void render(
            Context ctx, String username, String role, FormErrors errors, String notice, boolean noticeIsError) {
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
                        noticeIsError,
                        storeBackup));
    }

    private static String value(String s) {
        return s == null ? "" : s.strip();
    }
}
