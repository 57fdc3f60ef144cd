package news.gazette.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.gazette.db.Jdbc;

/**
 * What an editor should look at before a story goes out: warnings, each of which the editor may override, shown when a
 * story is about to be published or scheduled (not when it already is) and when it is submitted for review. Hard
 * rules (a headline, alt text for an image) stay errors in {@link StoryForm#validate}.
 */
public final class PublishChecklist {

    /** One thing to look at, next to the field it concerns. */
    public record Warning(String field, String message) {}

    /** Search results show about this many characters of a headline before cutting it. */
    static final int HEADLINE_IN_RESULTS = 70;

    static final Duration RECENT = Duration.ofDays(14);
    private static final Pattern MARKER = Pattern.compile("\\[NOTE\\b|\\bTODO\\b|\\bTK\\b|\\bXX+\\b|\\bFIXME\\b");
    private static final Pattern OPEN_TODO = Pattern.compile("(?im)\\bTODO\\b|^\\s*[-*]\\s*\\[ \\]");
    private static final Pattern ARTICLE_LINK =
            Pattern.compile("\\]\\((?:https?://[^/)\\s]+)?/articles/([a-z0-9-]{1,80})");
    private static final Pattern NEWSROOM_LINK = Pattern.compile("\\]\\((?:https?://[^/)\\s]+)?/admin\\b");
    private static final int MAX_LINKS_CHECKED = 50;

    private final Jdbc jdbc;

    PublishChecklist(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    List<Warning> check(StoryForm form, long storyId, Instant now) {
        List<Warning> warnings = new ArrayList<>();
        if (form.summary().isEmpty()) {
            warnings.add(new Warning(
                    "summary", "No summary: search engines and social previews will show the site's tagline instead."));
        }
        if (form.tagNames().isEmpty()) {
            warnings.add(new Warning("tags", "No tags: the story will appear on no topic page."));
        }
        Matcher marker = MARKER.matcher(form.body());
        if (marker.find()) {
            warnings.add(new Warning(
                    "body",
                    "The body still holds the marker “" + marker.group() + "” (line "
                            + lineOf(form.body(), marker.start()) + "). Readers would see it."));
        }
        Matcher todo = OPEN_TODO.matcher(form.notes());
        if (todo.find()) {
            warnings.add(new Warning(
                    "notes",
                    "The newsroom notes still hold an open to-do (line " + lineOf(form.notes(), todo.start()) + ")."));
        }
        if (form.headline().length() > HEADLINE_IN_RESULTS) {
            warnings.add(new Warning(
                    "headline",
                    "The headline has " + form.headline().length() + " characters; search results show about "
                            + HEADLINE_IN_RESULTS + " and cut the rest."));
        }
        if (!form.headline().isEmpty() && hasRecentTwin(form.headline(), storyId, now)) {
            warnings.add(new Warning("headline", "Another story of the last 14 days has the same headline."));
        }
        if (NEWSROOM_LINK.matcher(form.body()).find()) {
            warnings.add(new Warning("body", "The body links to the newsroom (/admin), which readers cannot open."));
        }
        List<String> hidden = unpublishedLinks(form.body(), now);
        if (!hidden.isEmpty()) {
            warnings.add(new Warning(
                    "body",
                    "The body links to " + (hidden.size() == 1 ? "a story" : hidden.size() + " stories")
                            + " readers cannot see (unpublished, scheduled or missing): /articles/"
                            + String.join(", /articles/", hidden) + "."));
        }
        return warnings;
    }

    /** Walks only the recent end of the published index, so its cost does not grow with the archive. */
    private boolean hasRecentTwin(String headline, long storyId, Instant now) {
        return jdbc.count("""
                        select count(*) from story
                        where status = 'published' and published_at > ? and id <> ? and deleted_at is null
                          and lower(headline) = ?""", now.minus(RECENT), storyId, headline.strip().toLowerCase(Locale.ROOT)) > 0;
    }

    private List<String> unpublishedLinks(String body, Instant now) {
        Set<String> slugs = new LinkedHashSet<>();
        Matcher link = ARTICLE_LINK.matcher(body);
        while (link.find() && slugs.size() < MAX_LINKS_CHECKED) {
            slugs.add(link.group(1));
        }
        List<String> hidden = new ArrayList<>();
        for (String slug : slugs) {
            boolean visible = jdbc.count("""
                            select count(*) from story
                            where slug = ? and status = 'published' and published_at <= ? and deleted_at is null""", slug, now) > 0;
            // An old address redirects to its story, which is the editor's to check; anything else readers cannot see.
            if (!visible && jdbc.count("select count(*) from story_slug_history where old_slug = ?", slug) == 0) {
                hidden.add(slug);
            }
        }
        return hidden;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
