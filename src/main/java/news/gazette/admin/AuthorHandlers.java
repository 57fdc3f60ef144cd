package news.gazette.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import news.gazette.media.MediaStore;
import news.gazette.media.RejectedImageException;
import news.gazette.story.Author;
import news.gazette.text.PlainText;
import news.gazette.web.Pages;

/** The editors' author pages: every byline, and each one's name, kind, bio, photo and links. */
public final class AuthorHandlers {

    static final int MAX_NAME = 200;
    static final int MAX_BIO = 1_000;
    static final int MAX_LINKS = 5;
    static final int MAX_LINK = 300;

    private final AuthorDesk desk;
    private final MediaStore media;
    private final Pages pages;
    private final AdminLayouts layouts;
    private final Clock clock;

    public AuthorHandlers(AuthorDesk desk, MediaStore media, Pages pages, AdminLayouts layouts, Clock clock) {
        this.desk = desk;
        this.media = media;
        this.pages = pages;
        this.layouts = layouts;
        this.clock = clock;
    }

    public void list(Context ctx) {
        StoryAccess.requireEditor(AdminAuth.account(ctx));
        pages.render(ctx, "admin/authors.jte", new AuthorsPage(layouts.of(ctx, "Authors", "authors"), desk.all()));
    }

    public void form(Context ctx) {
        StoryAccess.requireEditor(AdminAuth.account(ctx));
        Author author = author(ctx);
        String notice = ctx.queryParam("saved") != null ? "Saved: the author page and every byline show it." : null;
        render(ctx, author, AuthorForm.of(author), new FormErrors(), notice);
    }

    public void save(Context ctx) {
        StoryAccess.requireEditor(AdminAuth.account(ctx));
        Author author = author(ctx);
        AuthorForm form = AuthorForm.from(ctx);
        FormErrors errors = new FormErrors();
        form = acceptPhoto(ctx, form, errors);
        validate(form, errors);
        if (!errors.isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, author, form, errors, null);
            return;
        }
        desk.save(
                author.id(),
                new AuthorDesk.Profile(
                        form.name(),
                        form.organization(),
                        form.bio(),
                        form.photoUrl().isEmpty() ? null : form.photoUrl(),
                        form.linkList()),
                clock.instant());
        ctx.redirect("/admin/authors/" + author.id() + "?saved=1", HttpStatus.SEE_OTHER);
    }

    private Author author(Context ctx) {
        try {
            return desk.find(Long.parseLong(ctx.pathParam("id"))).orElseThrow(NotFoundResponse::new);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }

    /** Stores an uploaded photo; a refused one is named next to the field, the rest of the form kept. */
    private AuthorForm acceptPhoto(Context ctx, AuthorForm form, FormErrors errors) {
        UploadedFile file = ctx.uploadedFile("photo");
        if (file == null || file.size() == 0) {
            return form;
        }
        if (file.size() > MediaStore.MAX_BYTES) {
            errors.add("photo", "The photo is larger than 10 MB.");
            return form;
        }
        try (InputStream in = file.content()) {
            return form.withPhotoUrl(
                    media.store(in.readNBytes((int) MediaStore.MAX_BYTES + 1)).url());
        } catch (RejectedImageException e) {
            errors.add("photo", e.getMessage());
            return form;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void validate(AuthorForm form, FormErrors errors) {
        if (form.name().isEmpty()) {
            errors.add("name", "Give the name the byline shows.");
        }
        errors.checkLength("name", "The name", form.name(), MAX_NAME);
        errors.checkLength("bio", "The bio", form.bio(), MAX_BIO);
        if (!form.photoUrl().isEmpty() && media.find(form.photoUrl()).isEmpty()) {
            errors.add("photo", "That photo is not on this site; upload it again.");
        }
        List<String> links = form.linkList();
        if (links.size() > MAX_LINKS) {
            errors.add("links", "Give at most " + MAX_LINKS + " links.");
        }
        for (String link : links) {
            if (link.length() > MAX_LINK || !link.matches("https?://[^\\s\"<>]+\\.[^\\s\"<>]+")) {
                errors.add(
                        "links", "Each line must be one full http(s) address: \"" + abbreviated(link) + "\" is not.");
                break;
            }
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private void render(Context ctx, Author author, AuthorForm form, FormErrors errors, String notice) {
        pages.render(
                ctx,
                "admin/author.jte",
                new AuthorPage(layouts.of(ctx, "Author: " + author.name(), "authors"), author, form, errors, notice));
    }

    /** The author form as typed. */
    public record AuthorForm(String name, boolean organization, String bio, String photoUrl, String links) {

        static AuthorForm of(Author a) {
            return new AuthorForm(
                    a.name(),
                    a.organization(),
                    a.bio(),
                    a.photoUrl() == null ? "" : a.photoUrl(),
                    String.join("\n", a.links()));
        }

        static AuthorForm from(Context ctx) {
            boolean removePhoto = ctx.formParam("remove_photo") != null;
            return new AuthorForm(
                    PlainText.line(value(ctx, "name")).strip(),
                    "organization".equals(ctx.formParam("kind")),
                    PlainText.multiline(value(ctx, "bio")).strip(),
                    removePhoto ? "" : PlainText.line(value(ctx, "photo_url")).strip(),
                    PlainText.multiline(value(ctx, "links")).strip());
        }

        private static String value(Context ctx, String field) {
            String value = ctx.formParam(field);
            return value == null ? "" : value;
        }

        AuthorForm withPhotoUrl(String url) {
            return new AuthorForm(name, organization, bio, url, links);
        }

        List<String> linkList() {
            return Arrays.stream(links.split("\n"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .toList();
        }
    }
}
