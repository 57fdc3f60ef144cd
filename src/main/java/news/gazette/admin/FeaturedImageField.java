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
import news.gazette.story.Story;

/** The editor's featured-image field: an upload stored on this site, or the image the story already has. */
final class FeaturedImageField {

    private final MediaStore media;

    FeaturedImageField(MediaStore media) {
        this.media = media;
    }

    /** Stores an uploaded image and points the form at it; a refused one is named next to the field. */
    StoryForm acceptUpload(Context ctx, StoryForm form, FormErrors errors) {
        UploadedFile file = ctx.uploadedFile("image");
        if (file == null || file.size() == 0) {
            return form;
        }
        if (file.size() > MediaStore.MAX_BYTES) {
            errors.add("image", "The image is larger than 10 MB.");
            return form;
        }
        try (InputStream in = file.content()) {
            StoredImage stored = media.store(in.readNBytes((int) MediaStore.MAX_BYTES + 1));
            return form.withImageUrl(stored.url());
        } catch (RejectedImageException e) {
            errors.add("image", e.getMessage());
            return form;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The featured image the form names: the story's current one, or one uploaded to this site. */
    FeaturedImage image(StoryForm form, Story before, FormErrors errors) {
        if (form.imageUrl().isEmpty()) {
            return null;
        }
        if (before != null && before.image() != null && before.image().url().equals(form.imageUrl())) {
            var old = before.image();
            return new FeaturedImage(old.url(), form.imageAlt(), form.imageCaption(), old.width(), old.height());
        }
        StoredImage stored = media.find(form.imageUrl()).orElse(null);
        if (stored == null) {
            errors.add("image", "That image is not on this site; upload it again.");
            return null;
        }
        return new FeaturedImage(stored.url(), form.imageAlt(), form.imageCaption(), stored.width(), stored.height());
    }
}
