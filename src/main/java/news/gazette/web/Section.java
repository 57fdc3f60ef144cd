package news.gazette.web;

/** One entry of the site's section navigation, on every page: a topic's name and its address. */
public record Section(String name, String path) {}
