package news.gazette.web;

/** Counts in words, so no page says "1 stories": the one rule for an English noun after a number. */
public final class Words {

    private Words() {}

    /** "1 story", "0 stories", "12 stories". */
    public static String count(long n, String one, String many) {
        return n + " " + noun(n, one, many);
    }

    /** The noun alone, for pages that set the number apart: "story" for 1, "stories" otherwise. */
    public static String noun(long n, String one, String many) {
        return n == 1 ? one : many;
    }
}
