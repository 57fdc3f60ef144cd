package news.gazette.web;

import java.util.List;

/**
 * What the page skeleton ({@code layout/page.jte}) needs from every page: titles, the canonical address and the
 * section navigation.
 *
 * @param title the page's own title, without the site name; blank on the front page
 * @param path the canonical site path of the page, e.g. {@code /articles/x}
 * @param preview for a page readers cannot see yet (a newsroom preview): the banner that says so; null otherwise
 * @param breaking the breaking-news banner across every page while it lasts; null when there is none
 */
public record Layout(
        Site site,
        String title,
        String description,
        String path,
        List<Section> sections,
        String preview,
        SiteBanner breaking) {

    public Layout(Site site, String title, String description, String path, List<Section> sections) {
        this(site, title, description, path, sections, null, null);
    }

    public Layout {
        sections = List.copyOf(sections);
        description = description == null || description.isBlank() ? site.description() : description;
    }

    /** The same page shown as a preview: not indexed, with {@code banner} across its top. */
    public Layout asPreview(String banner) {
        return new Layout(site, title, description, path, sections, banner, breaking);
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
