package news.gazette.web;

import java.util.List;

/**
 * What the page skeleton ({@code layout/page.jte}) needs from every page: titles, the canonical address and the
 * section navigation.
 *
 * @param title the page's own title, without the site name; blank on the front page
 * @param path the canonical site path of the page, e.g. {@code /articles/x}
 */
public record Layout(Site site, String title, String description, String path, List<Section> sections) {

    public Layout {
        sections = List.copyOf(sections);
        description = description == null || description.isBlank() ? site.description() : description;
    }

    /** The text of the {@code <title>} element. */
    public String fullTitle() {
        return title == null || title.isBlank()
                ? site.name() + " \u2013 " + site.description()
                : title + " | " + site.name();
    }

    public String canonicalUrl() {
        return site.url(path);
    }

    public boolean isCurrent(Section section) {
        return path.equals(section.path()) || path.startsWith(section.path() + "/");
    }
}
