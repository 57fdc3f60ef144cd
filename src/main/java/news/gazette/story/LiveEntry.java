package news.gazette.story;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a story's live coverage, as readers see it.
 *
 * @param body rendered and sanitised once, when the entry was posted
 * @param text the body's plain text, for JSON-LD, feed summaries and the entry's headline
 * @param image an optional picture; its caption is always empty
 * @param editedAt when the entry was last corrected after its posting; null if never
 */
public record LiveEntry(
        long id,
        long storyId,
        Instant postedAt,
        String authorName,
        RenderedHtml body,
        String text,
        boolean pinned,
        FeaturedImage image,
        Instant editedAt) {

    /** Longest headline made from an entry's first words: Google's limit for a headline. */
    static final int HEADLINE_MAX = 110;

    public LiveEntry {
        Objects.requireNonNull(postedAt, "postedAt");
        authorName = authorName == null ? "" : authorName;
        body = body == null ? RenderedHtml.EMPTY : body;
        text = text == null ? "" : text;
    }

    /** Whether it was corrected after its posting. */
    public boolean wasEdited() {
        return editedAt != null && editedAt.isAfter(postedAt);
    }

    /** The fragment id of the entry on its story's page. */
    public String anchor() {
        return "entry-" + id;
    }

    /** The entry's first sentence, cut at a word within {@value #HEADLINE_MAX} characters. */
    public String headline() {
        String plain = text.strip();
        int end = sentenceEnd(plain);
        String first = end > 0 ? plain.substring(0, end) : plain;
        if (first.length() <= HEADLINE_MAX) {
            return first.isEmpty() ? "Update" : first;
        }
        int cut = first.lastIndexOf(' ', HEADLINE_MAX - 1);
        return first.substring(0, cut > HEADLINE_MAX / 2 ? cut : HEADLINE_MAX - 1)
                        .strip() + "…";
    }

    private static int sentenceEnd(String text) {
        for (int i = 0; i < text.length() - 1; i++) {
            char ch = text.charAt(i);
            if ((ch == '.' || ch == '!' || ch == '?') && Character.isWhitespace(text.charAt(i + 1))) {
                return i + 1;
            }
        }
        return -1;
    }
}
