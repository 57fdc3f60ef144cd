package news.gazette.change;

import java.util.Locale;
import java.util.Objects;

/**
 * What a write changed and what a page shows, in one vocabulary: the newsroom records these keys in the change log,
 * and every cached page declares the ones it depends on, so the two cannot drift apart. Written as {@code story:12},
 * {@code tag:3}, {@code author:4}, {@code list}, {@code any}, {@code newsroom}, {@code site}.
 *
 * @param id the story, tag or author number; 0 for the keys that name no row
 */
public record ChangeKey(Kind kind, long id) {

    /** Which kind of thing changed. */
    public enum Kind {
        /** Carried by every public change: a page that names nothing depends on it. */
        ANY,
        /** Which stories are visible and in what order: front page, archive, feeds, sitemaps, sections. */
        LIST,
        /** No public page: the newsroom's counts only (emptying the trash). */
        NEWSROOM,
        /**
         * Every public page: what the layout shows on all of them changed (the navigation). Never written to the log;
         * a cache in front purges by it when an instance drops all its pages.
         */
        SITE,
        STORY,
        TAG,
        AUTHOR;

        boolean namesRow() {
            return this == STORY || this == TAG || this == AUTHOR;
        }
    }

    public static final ChangeKey ANY = new ChangeKey(Kind.ANY, 0);
    public static final ChangeKey LIST = new ChangeKey(Kind.LIST, 0);
    public static final ChangeKey NEWSROOM = new ChangeKey(Kind.NEWSROOM, 0);
    public static final ChangeKey SITE = new ChangeKey(Kind.SITE, 0);

    public ChangeKey {
        Objects.requireNonNull(kind, "kind");
        if (kind.namesRow() ? id <= 0 : id != 0) {
            throw new IllegalArgumentException("bad change key " + kind + " " + id);
        }
    }

    public static ChangeKey story(long id) {
        return new ChangeKey(Kind.STORY, id);
    }

    public static ChangeKey tag(long id) {
        return new ChangeKey(Kind.TAG, id);
    }

    public static ChangeKey author(long id) {
        return new ChangeKey(Kind.AUTHOR, id);
    }

    /** The key written as {@link #toString()}; empty for text that is no key (a row from a newer version, say). */
    public static java.util.Optional<ChangeKey> parse(String text) {
        int colon = text.indexOf(':');
        String kindName = (colon < 0 ? text : text.substring(0, colon)).toUpperCase(Locale.ROOT);
        try {
            Kind kind = Kind.valueOf(kindName);
            long id = colon < 0 ? 0 : Long.parseLong(text.substring(colon + 1));
            return java.util.Optional.of(new ChangeKey(kind, id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return kind.namesRow() ? name + ":" + id : name;
    }
}
