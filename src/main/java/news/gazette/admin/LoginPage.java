package news.gazette.admin;

/** The model of {@code admin/login.jte}. */
public record LoginPage(AdminLayout layout, String username, String next, String message) {}
