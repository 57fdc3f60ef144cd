package news.gazette.admin;

import java.time.Instant;
import news.gazette.story.Slug;
import news.gazette.web.Dates;

/** The story form's hard rules: what stops a save, each named next to its field. Warnings are {@link PublishChecklist}. */
final class StoryFormRules {

    private StoryFormRules() {}

    static void check(StoryForm f, FormErrors errors, boolean published, Instant now) {
        if (f.headline().isEmpty()) {
            errors.add("headline", "Write a headline.");
        }
        errors.checkLength("headline", "The headline", f.headline(), StoryForm.MAX_HEADLINE);
        if (!f.slug().isEmpty() && !Slug.isValid(f.slug())) {
            errors.add(
                    "slug",
                    "Use lowercase letters, digits and single hyphens, at most " + Slug.MAX_LENGTH
                            + " characters, e.g. city-council-votes.");
        }
        errors.checkLength("summary", "The summary", f.summary(), StoryForm.MAX_SUMMARY);
        errors.checkLength("body", "The body", f.body(), StoryForm.MAX_BODY);
        errors.checkLength("tags", "The tags field", f.tags(), StoryForm.MAX_TAGS);
        for (String tag : f.tagNames()) {
            if (tag.length() > StoryForm.MAX_TAG) {
                errors.add("tags", "Each tag may have at most " + StoryForm.MAX_TAG + " characters.");
            }
        }
        if (f.author().isEmpty()) {
            errors.add("author", "Name the author or desk for the byline.");
        }
        errors.checkLength("author", "The byline", f.author(), StoryForm.MAX_AUTHOR);
        if (BylineNames.split(f.author()).size() > BylineNames.MAX_NAMES) {
            errors.add("author", "A byline may name at most " + BylineNames.MAX_NAMES + " authors.");
        }
        if (!f.imageUrl().isEmpty() && f.imageAlt().isEmpty()) {
            errors.add("image_alt", "Describe the image for readers who cannot see it.");
        }
        errors.checkLength("image_alt", "The alt text", f.imageAlt(), StoryForm.MAX_ALT);
        errors.checkLength("image_caption", "The caption", f.imageCaption(), StoryForm.MAX_CAPTION);
        errors.checkLength("notes", "The notes field", f.notes(), StoryForm.MAX_NOTES);
        if (f.publish().equals("now")) {
            Instant at = f.scheduledAt();
            if (at != null && at.isAfter(now.plusSeconds(60))) {
                errors.add(
                        "publish_at",
                        "That time is still to come: choose “Scheduled for” to publish then, or clear the date to"
                                + " publish now.");
            }
        }
        if (f.publish().equals("schedule")) {
            Instant at = f.scheduledAt();
            if (at == null) {
                errors.add("publish_at", "Give a date and time (" + Dates.zoneLabel() + ") to publish at.");
            } else if (!at.isAfter(now)) {
                errors.add("publish_at", "That time has passed; choose a later time or publish now.");
            }
        }
        if (f.embargo() && !f.publish().equals("schedule")) {
            errors.add("embargo", "An embargo holds a scheduled story until its time: choose “Scheduled for” too.");
        }
        if (!f.language().isEmpty() && f.languageTag() == null) {
            errors.add("language", "Use a language tag such as en, de, ja or pt-BR, or leave it empty for the site's.");
        }
        errors.checkLength("update_note", "The update note", f.updateNote(), StoryForm.MAX_NOTE);
        if (!f.updateNote().isEmpty() && !published) {
            errors.add("update_note", "Update notes are for stories readers can already see.");
        }
        errors.checkLength("correction_wrong", "The correction", f.correctionWrong(), StoryForm.MAX_NOTE);
        errors.checkLength("correction_right", "The correction", f.correctionRight(), StoryForm.MAX_NOTE);
        if (f.correctionWrong().isEmpty() != f.correctionRight().isEmpty()) {
            errors.add(
                    f.correctionWrong().isEmpty() ? "correction_wrong" : "correction_right",
                    "A correction needs both what was wrong and what is right.");
        } else if (!f.correctionWrong().isEmpty() && !published) {
            errors.add("correction_wrong", "Corrections are for stories readers can already see.");
        }
    }
}
