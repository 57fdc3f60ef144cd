package news.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import news.gazette.media.MediaStore;
import news.gazette.media.RejectedImageException;
import news.gazette.media.StoredImage;
import news.gazette.story.FeaturedImage;
import news.gazette.story.Markdown;
import news.gazette.story.MarkdownTooComplexException;
import news.gazette.story.RenderedHtml;
import news.gazette.text.PlainText;

/**
 * The live desk's entry form as typed, with its checks: the text (Markdown, bounded), whose entry it is, an optional
 * picture (a new upload, or the one kept from a refused post) with its alt text, and the pin.
 *
 * @param imageUrl the picture's address on this site, or empty
 * @param picture the stored picture with its size, as found when the form was read; null when there is none
 * @param body the rendering of {@code text}; empty when the form did not pass
 */
public record LiveEntryForm(
        String text,
        String author,
        String imageUrl,
        String imageAlt,
        boolean pinned,
        RenderedHtml body,
        StoredImage picture) {

    static final int MAX_ENTRY = 20_000;
    static final int MAX_AUTHOR = 200;
    static final int MAX_ALT = 500;

    /** An empty form, by {@code author}. */
    static LiveEntryForm blank(String author) {
        return new LiveEntryForm("", author, "", "", false, RenderedHtml.EMPTY, null);
    }

    /** The form of an entry as stored, to correct it. */
    static LiveEntryForm of(LiveDesk.EntryDraft entry) {
        FeaturedImage image = entry.image();
        return new LiveEntryForm(
                entry.bodyMarkdown(),
                entry.authorName(),
                image == null ? "" : image.url(),
                image == null ? "" : image.alt(),
                entry.pinned(),
                RenderedHtml.EMPTY,
                null);
    }

    /** Reads and checks the posted form; each problem is added to {@code errors} by its field. */
    static LiveEntryForm read(Context ctx, Markdown markdown, MediaStore media, FormErrors errors) {
        String text = clean(PlainText.multiline(ctx.formParam("body")));
        String author = clean(PlainText.line(ctx.formParam("author"))).strip();
        String alt = clean(PlainText.line(ctx.formParam("image_alt"))).strip();
        String imageUrl = clean(ctx.formParam("image_url")).strip();
        if (ctx.formParam("remove_image") != null) {
            imageUrl = "";
        }
        if (text.isBlank()) {
            errors.add("body", "Write the entry.");
        }
        errors.checkLength("body", "The entry", text, MAX_ENTRY);
        if (author.isEmpty()) {
            errors.add("author", "Say whose entry this is.");
        }
        errors.checkLength("author", "The name", author, MAX_AUTHOR);
        RenderedHtml body = RenderedHtml.EMPTY;
        if (!errors.has("body")) {
            try {
                body = markdown.render(text);
            } catch (MarkdownTooComplexException e) {
                errors.add("body", e.getMessage());
            }
        }
        StoredImage stored = picture(ctx, media, imageUrl, errors);
        if (stored != null) {
            imageUrl = stored.url();
            if (alt.isEmpty()) {
                errors.add("image_alt", "Describe the picture for readers who cannot see it.");
            }
            errors.checkLength("image_alt", "The description", alt, MAX_ALT);
        }
        return new LiveEntryForm(text, author, imageUrl, alt, ctx.formParam("pinned") != null, body, stored);
    }

    /** What the desk stores; only for a form that passed. */
    LiveDesk.EntryDraft draft() {
        FeaturedImage image = picture == null
                ? null
                : new FeaturedImage(picture.url(), imageAlt, "", picture.width(), picture.height());
        return new LiveDesk.EntryDraft(text, body, author, pinned, image);
    }

    private static StoredImage picture(Context ctx, MediaStore media, String keptUrl, FormErrors errors) {
        UploadedFile file = ctx.uploadedFile("image");
        if (file != null && file.size() > 0) {
            if (file.size() > MediaStore.MAX_BYTES) {
                errors.add("image", "The image is larger than 10 MB.");
                return null;
            }
            try (InputStream in = file.content()) {
                return media.store(in.readNBytes((int) MediaStore.MAX_BYTES + 1));
            } catch (RejectedImageException e) {
                errors.add("image", e.getMessage());
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (keptUrl.isEmpty()) {
            return null;
        }
        StoredImage kept = media.find(keptUrl).orElse(null);
        if (kept == null) {
            errors.add("image", "That image is not on this site; upload it again.");
        }
        return kept;
    }

    private static String clean(String value) {
        return value == null ? "" : value;
    }
}
