package news.gazette.web;

import java.util.List;
import java.util.function.Supplier;

/** Builds the {@link Layout} of a page: the site, the page's own title and path, and the current sections. */
public final class Layouts {

    private final Site site;
    private final Supplier<List<Section>> sections;
    private final Supplier<java.util.Optional<SiteBanner>> banner;
    private final java.time.Clock clock;

    public Layouts(Site site, Supplier<List<Section>> sections) {
        this(site, sections, java.util.Optional::empty, java.time.Clock.systemUTC());
    }

    /** With the breaking-news banner, kept by the caller and dropped when the site changes. */
    public Layouts(
            Site site,
            Supplier<List<Section>> sections,
            Supplier<java.util.Optional<SiteBanner>> banner,
            java.time.Clock clock) {
        this.site = site;
        this.sections = sections;
        this.banner = banner;
        this.clock = clock;
    }

    public Site site() {
        return site;
    }

    public Layout of(String title, String description, String path) {
        SiteBanner breaking =
                banner.get().filter(b -> b.shownAt(clock.instant())).orElse(null);
        return new Layout(site, title, description, path, sections.get(), null, breaking);
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
