package news.gazette.story;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A story's live coverage: when it started, when it ended (null while it goes on) and its entries, pinned ones
 * first, then newest first.
 *
 * @param entryCount every entry, including those past the list's limit
 */
public record LiveCoverage(long storyId, Instant startedAt, Instant endedAt, List<LiveEntry> entries, int entryCount) {

    public LiveCoverage {
        Objects.requireNonNull(startedAt, "startedAt");
        entries = List.copyOf(entries);
    }

    public boolean isOn() {
        return endedAt == null;
    }

    /** The last time anything in the coverage changed that readers can see: the newest entry, or its start or end. */
    public Instant changedAt() {
        Instant newest = endedAt != null && endedAt.isAfter(startedAt) ? endedAt : startedAt;
        for (LiveEntry entry : entries) {
            Instant changed = entry.wasEdited() ? entry.editedAt() : entry.postedAt();
            if (changed.isAfter(newest)) {
                newest = changed;
            }
        }
        return newest;
    }

    /** The entries newest first, pinned or not: the order of JSON-LD's {@code liveBlogUpdate} and of feeds. */
    public List<LiveEntry> newestFirst() {
        return entries.stream()
                .sorted((a, b) -> {
                    int byTime = b.postedAt().compareTo(a.postedAt());
                    return byTime != 0 ? byTime : Long.compare(b.id(), a.id());
                })
                .toList();
    }

    public boolean hasHiddenEntries() {
        return entryCount > entries.size();
    }
}
