package news.gazette.web;

/** The model of {@code error/not-found.jte} and {@code error/error.jte}. */
public record ErrorPage(Layout layout, int status, String heading, String message) {}
