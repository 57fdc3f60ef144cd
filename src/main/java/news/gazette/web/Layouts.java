package news.gazette.web;

import java.util.List;
import java.util.function.Supplier;

/** Builds the {@link Layout} of a page: the site, the page's own title and path, and the current sections. */
public final class Layouts {

    private final Site site;
    private final Supplier<List<Section>> sections;

    public Layouts(Site site, Supplier<List<Section>> sections) {
        this.site = site;
        this.sections = sections;
    }

    public Site site() {
        return site;
    }

    public Layout of(String title, String description, String path) {
        return new Layout(site, title, description, path, sections.get());
    }

    /** For error pages: never fails, even when the database that lists the sections is down. */
    Layout safelyOf(String title, String path) {
        List<Section> current;
        try {
            current = sections.get();
        } catch (RuntimeException e) {
            current = List.of();
        }
        return new Layout(site, title, null, path, current);
    }
}
