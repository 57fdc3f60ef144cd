package news.gazette.admin;

/**
 * The model of {@code admin/confirm.jte}: the second step of an action that cannot be undone, a plain form so that it
 * works without script.
 *
 * @param action where the confirmed form posts, with {@code confirm=yes}
 * @param cancel where "Keep it" goes
 */
public record ConfirmPage(
        AdminLayout layout, String question, String consequences, String action, String button, String cancel) {}
