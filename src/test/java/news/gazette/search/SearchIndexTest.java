package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import news.gazette.TestDatabases;
import news.gazette.story.StoryStatus;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is derived data: rebuilt when it cannot be trusted, caught up from the change log otherwise. */
@Tag(TestDatabases.BOTH)
class SearchIndexTest {

    private static final Instant HOUR_AGO = Instant.now().minus(1, ChronoUnit.HOURS);

    @TempDir
    Path folder;

    @Test
    void a_first_start_builds_the_index_and_a_deleted_folder_is_built_again() throws IOException {
        try (SearchSite site = SearchSite.start(folder, Clock.systemUTC())) {
            assertThat(site.opening()).isEqualTo(SearchIndex.Opening.MISSING);
            site.save("Lighthouse keepers", "The lamp is lit.", StoryStatus.PUBLISHED, HOUR_AGO);
            site.stop();
            deleteTree(site.config.searchIndexDir());

            site.restart();

            assertThat(site.opening()).isEqualTo(SearchIndex.Opening.MISSING);
            assertThat(site.found("lighthouse")).containsExactly("/articles/lighthouse-keepers");
        }
    }

    @Test
    void an_index_of_another_format_is_rebuilt() throws IOException {
        try (SearchSite site = SearchSite.start(folder, Clock.systemUTC())) {
            site.save("Lighthouse keepers", "The lamp is lit.", StoryStatus.PUBLISHED, HOUR_AGO);
            site.stop();
            try (var dir = FSDirectory.open(site.config.searchIndexDir());
                    IndexWriter writer = new IndexWriter(
                            dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
                writer.deleteAll(); // what an index of another format holds is of no use to this version
                writer.setLiveCommitData(Map.of(
                                SearchIndex.FORMAT_KEY, String.valueOf(SearchIndex.FORMAT - 1),
                                SearchIndex.LANGUAGE_KEY, "en",
                                SearchIndex.CHANGE_KEY, "1000000")
                        .entrySet());
                writer.commit();
            }

            site.restart();

            assertThat(site.opening()).isEqualTo(SearchIndex.Opening.OTHER_FORMAT);
            assertThat(site.found("lighthouse")).containsExactly("/articles/lighthouse-keepers");
        }
    }

    @Test
    void an_unreadable_index_is_rebuilt() throws IOException {
        try (SearchSite site = SearchSite.start(folder, Clock.systemUTC())) {
            site.save("Lighthouse keepers", "The lamp is lit.", StoryStatus.PUBLISHED, HOUR_AGO);
            site.stop();
            try (Stream<Path> files = Files.list(site.config.searchIndexDir())) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_"))
                        .toList()) {
                    Files.writeString(file, "not a commit");
                }
            }

            site.restart();

            assertThat(site.opening()).isEqualTo(SearchIndex.Opening.UNREADABLE);
            assertThat(site.found("lighthouse")).containsExactly("/articles/lighthouse-keepers");
        }
    }

    @Test
    void saves_made_while_an_instance_was_down_are_caught_up_from_the_log() {
        try (SearchSite site = SearchSite.start(folder, Clock.systemUTC())) {
            long kept = site.save("Lighthouse keepers", "The lamp is lit.", StoryStatus.PUBLISHED, HOUR_AGO);
            site.stop();
            // Written by another instance while this one was down: the log holds them.
            site.save("Ferry timetable", "Boats leave hourly.", StoryStatus.PUBLISHED, HOUR_AGO);
            site.trash(kept);

            site.restart();

            assertThat(site.opening()).isEqualTo(SearchIndex.Opening.CAUGHT_UP);
            assertThat(site.found("ferry")).containsExactly("/articles/ferry-timetable");
            assertThat(site.found("lighthouse")).isEmpty();
        }
    }

    @Test
    void an_index_older_than_what_the_log_still_holds_is_rebuilt() {
        try (SearchSite site = SearchSite.start(folder, Clock.systemUTC())) {
            site.save("Lighthouse keepers", "The lamp is lit.", StoryStatus.PUBLISHED, HOUR_AGO);
            site.stop();
            site.save("Ferry timetable", "Boats leave hourly.", StoryStatus.PUBLISHED, HOUR_AGO);
            long ferryChange = site.jdbc.count("select max(id) from site_change");
            site.save("Harbour crane", "The crane is up.", StoryStatus.PUBLISHED, HOUR_AGO);
            // As the log's pruning does once 10,000 newer changes exist: the ferry's change is gone.
            site.jdbc.update("delete from site_change where id <= ?", ferryChange);

            site.restart();

            assertThat(site.opening()).isEqualTo(SearchIndex.Opening.LOG_PRUNED);
            assertThat(site.found("ferry")).containsExactly("/articles/ferry-timetable");
            assertThat(site.found("crane")).containsExactly("/articles/harbour-crane");
        }
    }

    @Test
    void rows_written_behind_the_logs_back_are_seen_at_the_next_start() {
        try (SearchSite site = SearchSite.start(folder, Clock.systemUTC())) {
            site.save("Lighthouse keepers", "The lamp is lit.", StoryStatus.PUBLISHED, HOUR_AGO);
            assertThat(site.found("anthropic")).containsExactly(SearchPagesTest.LAUNCH_PATH);
            site.stop();
            // An import or a generated archive writes rows without the newsroom, and so without a change record (the
            // launch story, which the first start wrote, has none either).
            site.jdbc.update(
                    "update story set deleted_at = ? where slug = 'anthropic-cuts-off-openai-from-claude-access'",
                    Instant.now());

            site.restart();

            assertThat(site.opening()).isEqualTo(SearchIndex.Opening.DISAGREES_WITH_DATABASE);
            assertThat(site.found("anthropic")).isEmpty();
            assertThat(site.found("lighthouse")).containsExactly("/articles/lighthouse-keepers");
        }
    }

    @Test
    void a_save_is_found_after_the_next_background_poll_without_being_told() throws InterruptedException {
        try (SearchSite site = SearchSite.start(folder, Clock.systemUTC())) {
            assertThat(site.found("lighthouse")).isEmpty();
            site.saveWithoutPolling("Lighthouse keepers", "The lamp is lit.", HOUR_AGO);

            assertThat(foundWithinBoundedWait(site, "lighthouse")).containsExactly("/articles/lighthouse-keepers");
        }
    }

    @Test
    void a_second_instance_on_the_same_database_finds_what_the_first_saved(@TempDir Path otherIndex)
            throws InterruptedException {
        try (SearchSite first = SearchSite.start(folder, Clock.systemUTC());
                SearchSite second = SearchSite.another(first.config, otherIndex, Clock.systemUTC())) {
            assertThat(second.found("lighthouse")).isEmpty(); // now cached there, until its poll drops it
            first.save("Lighthouse keepers", "The lamp is lit.", StoryStatus.PUBLISHED, HOUR_AGO);
            assertThat(first.found("lighthouse")).containsExactly("/articles/lighthouse-keepers");

            assertThat(foundWithinBoundedWait(second, "lighthouse")).containsExactly("/articles/lighthouse-keepers");
            assertThat(second.config.searchIndexDir()).isNotEqualTo(first.config.searchIndexDir());
        }
    }

    /** Searches until the story shows, for at most five seconds: a bound for a slow machine, not a timing claim. */
    private static List<String> foundWithinBoundedWait(SearchSite site, String query) throws InterruptedException {
        List<String> found = site.found(query);
        for (int i = 0; i < 100 && found.isEmpty(); i++) {
            Thread.sleep(50);
            found = site.found(query);
        }
        return found;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
