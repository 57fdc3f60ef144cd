package news.gazette.admin;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import news.gazette.story.Story;
import news.gazette.story.StoryStatus;
import news.gazette.text.PlainText;
import news.gazette.web.Dates;

/**
 * Everything the story editor sends, as typed (less the characters no output can carry, see {@link PlainText}), so that
 * a form with errors comes back with nothing lost.
 *
 * @param publish "draft", "review" (a draft submitted to an editor), "now" or "schedule"
 * @param publishAt a {@code datetime-local} value, read in the newsroom's time zone ({@link Dates})
 * @param version the version the editor started from, for optimistic locking; 0 for a new story
 * @param embargo whether a scheduled story may not be published before its time, not even by "publish now"
 * @param language the story's own language as typed (a BCP 47 tag such as ja or pt-BR); empty for the site's
 * @param stageAt for a pending change to a published story: when it goes live by itself ({@code datetime-local},
 *     UTC); empty to wait for an editor
 */
public record StoryForm(
        int version,
        String headline,
        String slug,
        String summary,
        String body,
        String tags,
        String author,
        String imageUrl,
        String imageAlt,
        String imageCaption,
        String notes,
        String publish,
        String publishAt,
        boolean developing,
        String updateNote,
        String correctionWrong,
        String correctionRight,
        boolean embargo,
        String stageAt,
        String language,
        boolean minor) {

    public static final int MAX_HEADLINE = 300;
    public static final int MAX_SUMMARY = 1000;
    public static final int MAX_BODY = 200_000;
    public static final int MAX_NOTES = 10_000;
    public static final int MAX_TAGS = 2000;
    public static final int MAX_TAG = 120;
    public static final int MAX_AUTHOR = 200;
    public static final int MAX_ALT = 500;
    public static final int MAX_CAPTION = 1000;
    public static final int MAX_NOTE = 2000;
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public StoryForm {
        headline = clean(headline);
        slug = clean(slug);
        summary = clean(summary);
        body = body == null ? "" : PlainText.multiline(body);
        tags = clean(tags);
        author = clean(author);
        imageUrl = clean(imageUrl);
        imageAlt = clean(imageAlt);
        imageCaption = clean(imageCaption);
        notes = notes == null ? "" : PlainText.multiline(notes);
        publish = publish == null
                        || !List.of("draft", "review", "now", "schedule").contains(publish)
                ? "draft"
                : publish;
        publishAt = clean(publishAt);
        updateNote = clean(updateNote);
        correctionWrong = clean(correctionWrong);
        correctionRight = clean(correctionRight);
        stageAt = clean(stageAt);
        language = clean(language);
    }

    /** A new story's form, the byline filled in with the writer's own name. */
    public static StoryForm blank(String byline) {
        return new StoryForm(
                0, "", "", "", "", "", byline, "", "", "", "", "draft", "", false, "", "", "", false, "", "", false);
    }

    public static StoryForm of(Story s, Instant now) {
        return of(s, now, false);
    }

    /** The form of a stored story; {@code embargoed} when its embargo is in force. */
    public static StoryForm of(Story s, Instant now, boolean embargoed) {
        String publish =
                s.status() == StoryStatus.DRAFT ? "draft" : s.publishedAt().isAfter(now) ? "schedule" : "now";
        var image = s.image();
        return new StoryForm(
                s.version(),
                s.headline(),
                s.slug(),
                s.summary(),
                s.bodyMarkdown(),
                s.tags().stream().map(t -> t.name()).collect(Collectors.joining(", ")),
                s.authors().stream().map(a -> a.name()).collect(Collectors.joining(", ")),
                image == null ? "" : image.url(),
                image == null ? "" : image.alt(),
                image == null ? "" : image.caption(),
                s.notes(),
                publish,
                Dates.formValue(s.publishedAt()),
                s.developing(),
                "",
                "",
                "",
                embargoed,
                "",
                s.language() == null ? "" : s.language(),
                false);
    }

    public static StoryForm from(Context ctx) {
        int version;
        try {
            version = Integer.parseInt(String.valueOf(ctx.formParam("version")));
        } catch (NumberFormatException e) {
            version = 0;
        }
        return new StoryForm(
                version,
                ctx.formParam("headline"),
                ctx.formParam("slug"),
                ctx.formParam("summary"),
                ctx.formParam("body"),
                ctx.formParam("tags"),
                ctx.formParam("author"),
                ctx.formParam("image_url"),
                ctx.formParam("image_alt"),
                ctx.formParam("image_caption"),
                ctx.formParam("notes"),
                ctx.formParam("publish"),
                ctx.formParam("publish_at"),
                ctx.formParam("developing") != null,
                ctx.formParam("update_note"),
                ctx.formParam("correction_wrong"),
                ctx.formParam("correction_right"),
                ctx.formParam("embargo") != null,
                ctx.formParam("stage_at"),
                ctx.formParam("language"),
                ctx.formParam("minor") != null);
    }

    public StoryForm withImageUrl(String url) {
        return with(version, url, publish);
    }

    /** The same fields with another choice of what Save does ("draft", "review", "now" or "schedule"). */
    public StoryForm withPublish(String choice) {
        return with(version, imageUrl, choice);
    }

    /** The same fields, to be saved over {@code newVersion} (after someone else's save). */
    public StoryForm withVersion(int newVersion) {
        return with(newVersion, imageUrl, publish);
    }

    private StoryForm with(int version, String imageUrl, String publish) {
        return new StoryForm(
                version,
                headline,
                slug,
                summary,
                body,
                tags,
                author,
                imageUrl,
                imageAlt,
                imageCaption,
                notes,
                publish,
                publishAt,
                developing,
                updateNote,
                correctionWrong,
                correctionRight,
                embargo,
                stageAt,
                language,
                minor);
    }

    /** Checks every field and adds a message for each problem; {@code published} says whether readers see it now. */
    public void validate(FormErrors errors, boolean published, Instant now) {
        StoryFormRules.check(this, errors, published, now);
    }

    /** The language as a well-formed BCP 47 tag in its usual case ({@code pt-BR}); null if empty or not a tag. */
    public String languageTag() {
        if (language.isEmpty() || language.length() > 35 || !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            return null;
        }
        String tag = java.util.Locale.forLanguageTag(language).toLanguageTag();
        return tag.equalsIgnoreCase(language) ? tag : null;
    }

    public List<String> tagNames() {
        return Arrays.stream(tags.split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    /** The scheduled time in UTC, or null if none was given or it cannot be read. */
    public Instant scheduledAt() {
        return parse(publishAt);
    }

    /** When a pending change goes live by itself, or null to wait for an editor (or when it cannot be read). */
    public Instant stagedAt() {
        return parse(stageAt);
    }

    private static Instant parse(String local) {
        return Dates.fromForm(local);
    }

    /** When the story should be published given what it was before, or null for a draft with no date. */
    public Instant publicationTime(Story before, Instant now) {
        return switch (publish) {
            case "schedule" -> scheduledAt();
            case "now" ->
                before != null
                                && before.status() == StoryStatus.PUBLISHED
                                && before.publishedAt() != null
                                && !before.publishedAt().isAfter(now)
                        ? before.publishedAt()
                        : now.truncatedTo(ChronoUnit.SECONDS);
            default -> before == null ? null : before.publishedAt();
        };
    }

    public StoryStatus status() {
        return publish.equals("draft") || publish.equals("review") ? StoryStatus.DRAFT : StoryStatus.PUBLISHED;
    }

    /** Whether Save would publish or schedule: an editor's choice, never a contributor's. */
    public boolean publishes() {
        return status() == StoryStatus.PUBLISHED;
    }

    /** One-line fields: the input rule ({@link PlainText}), then without surrounding spaces. */
    private static String clean(String value) {
        return value == null ? "" : PlainText.line(value).strip();
    }
}
