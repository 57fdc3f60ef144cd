package news.gazette.story;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.Optional;

/** Finds the published story an article address names, for the full and the text edition alike. */
final class ArticleLookup {

    private ArticleLookup() {}

    /**
     * The story at {@code slug}, or empty after redirecting a renamed story's old address to {@code prefix} plus its
     * current one plus {@code suffix} (a story keeps its old addresses working for readers, links and search engines);
     * 404 otherwise.
     */
    static Optional<Story> find(Context ctx, StoryRepository stories, String prefix, String suffix, Instant now) {
        String slug = ctx.pathParam("slug");
        if (!Slug.isValid(slug)) {
            throw new NotFoundResponse();
        }
        Optional<Story> found = stories.findPublishedBySlug(slug, now);
        if (found.isEmpty()) {
            String current = stories.findRenamedSlug(slug, now).orElseThrow(NotFoundResponse::new);
            ctx.redirect(prefix + "/articles/" + current + suffix, HttpStatus.MOVED_PERMANENTLY);
        }
        return found;
    }
}
