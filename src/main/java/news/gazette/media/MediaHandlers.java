package news.gazette.media;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves uploaded images. A name is content-addressed, so a response never changes and may be cached for a year. */
public final class MediaHandlers {

    private final MediaStore store;

    public MediaHandlers(MediaStore store) {
        this.store = store;
    }

    public void serve(Context ctx) {
        String name = ctx.pathParam("name");
        Path file = store.file(name).orElseThrow(NotFoundResponse::new);
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        // A stored file is written once under its name and never changed, so the name is a strong validator.
        String etag = "\"" + name + "\"";
        ctx.header("ETag", etag);
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(name.endsWith(".png") ? "image/png" : "image/jpeg");
        try {
            ctx.result(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** If-None-Match compares weakly (RFC 9110 §13.1.2): any listed tag, with or without {@code W/}, or {@code *}. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
