package news.gazette.story;

import java.time.Instant;

/**
 * What readers read of one saved version of a published story: never its notes or anything else of the newsroom's.
 *
 * @param minor the editor marked the edit that made it minor (a typo)
 */
public record PublicRevision(
        int version, Instant savedAt, String headline, String summary, String bodyMarkdown, boolean minor) {

    /** Whether readers would see a difference between {@code other} and this version. */
    boolean readsLike(PublicRevision other) {
        return headline.equals(other.headline)
                && summary.equals(other.summary)
                && bodyMarkdown.equals(other.bodyMarkdown);
    }
}
