package news.gazette.admin;

/** The model of {@code admin/profile.jte}: the signed-in account's byline name and password forms. */
public record ProfilePage(AdminLayout layout, String displayName, FormErrors errors, String notice) {}
