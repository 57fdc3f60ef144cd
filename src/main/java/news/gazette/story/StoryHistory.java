package news.gazette.story;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A published story's public history: every change to its headline, summary or text since publication, newest
 * first, each with its time, whether the editor marked it minor, and a readable diff, made from the revisions the
 * newsroom keeps of every save. Saves that changed nothing readers read (tags, notes, the image) are left out.
 */
public record StoryHistory(List<Change> changes) {

    /** The newest changes shown: a page of bounded size and cost, however often a story was edited. */
    public static final int MOST_CHANGES = 50;

    public StoryHistory {
        changes = List.copyOf(changes);
    }

    /**
     * One change: when, minor or not, and what differs.
     *
     * @param headline the headline's removed and added text, or null when it stayed
     * @param summary likewise for the summary
     * @param body the body's changed paragraphs (Markdown lines), removed then added, per changed stretch
     */
    public record Change(Instant at, boolean minor, Line headline, Line summary, List<Line> body) {}

    /** Removed text, added text; either may be empty. */
    public record Line(String removed, String added) {}

    /** {@code versions} oldest first, the first being the text as published. */
    public static StoryHistory of(List<PublicRevision> versions) {
        List<Change> changes = new ArrayList<>();
        PublicRevision before = null;
        for (PublicRevision version : versions) {
            if (before != null && !version.readsLike(before)) {
                changes.add(new Change(
                        version.savedAt(),
                        version.minor(),
                        changed(before.headline(), version.headline()),
                        changed(before.summary(), version.summary()),
                        bodyDiff(before.bodyMarkdown(), version.bodyMarkdown())));
            }
            if (before == null || !version.readsLike(before)) {
                before = version;
            }
        }
        List<Change> newestFirst = new ArrayList<>(changes);
        java.util.Collections.reverse(newestFirst);
        return new StoryHistory(newestFirst.subList(0, Math.min(MOST_CHANGES, newestFirst.size())));
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    private static Line changed(String before, String after) {
        return before.equals(after) ? null : new Line(before, after);
    }

    /** Paragraph by paragraph (a line of Markdown each): each changed stretch as its old and its new text. */
    static List<Line> bodyDiff(String before, String after) {
        List<String> old = paragraphs(before);
        List<String> now = paragraphs(after);
        List<Line> lines = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(old, now).getDeltas()) {
            lines.add(new Line(
                    String.join("\n", delta.getSource().getLines()),
                    String.join("\n", delta.getTarget().getLines())));
        }
        return lines;
    }

    private static List<String> paragraphs(String markdown) {
        return Arrays.stream(markdown.replace("\r\n", "\n").split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
