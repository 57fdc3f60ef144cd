package news.gazette.search;

import io.javalin.config.Key;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import news.gazette.change.ChangeKey;
import news.gazette.change.ChangeLog;
import news.gazette.db.Jdbc;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's Lucene index of the stories readers can find: derived data in its own folder, kept current from the
 * change log that every newsroom write records, so that several instances sharing a database each keep their own and
 * agree within a poll. Each commit carries the last change applied, the index format and the language it was analysed
 * for; {@link #open} rebuilds the index from the database when it is missing, unreadable, of another format or
 * language, or older than what the log still holds, and otherwise catches up from the log.
 */
public final class SearchIndex implements AutoCloseable {

    /** Where {@code App.create} leaves the index, for tests that look at how it opened. */
    public static final Key<SearchIndex> KEY = new Key<>("gazette.search-index");

    /** Raised whenever what is indexed or how it is analysed changes: an index of another format is rebuilt. */
    static final int FORMAT = 3; // 2: every byline of a story, in order; 3: matching in one field of all the text

    static final String FORMAT_KEY = "gazette.format";
    static final String LANGUAGE_KEY = "gazette.language";
    static final String CHANGE_KEY = "gazette.change";

    private static final ArchiveSimilarity SIMILARITY = new ArchiveSimilarity();
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    // Identity values are handed out before commit, so a change may appear after a higher one: look back this far.
    private static final int LOOKBACK = 64;
    private static final int BATCH = IndexRebuild.BATCH;
    // Enough to build a 100,000-story index in a few dozen segments, small beside the README's -Xmx128m.
    private static final double RAM_BUFFER_MB = 16;

    /** How the last {@link #open} found the index: current enough to catch up, or why it was rebuilt. */
    public enum Opening {
        CAUGHT_UP,
        MISSING,
        UNREADABLE,
        OTHER_FORMAT,
        OTHER_LANGUAGE,
        LOG_PRUNED,
        DISAGREES_WITH_DATABASE
    }

    private final Path folder;
    private final String language;
    private final Analyzer analyzer;
    private final IndexedStories stories;
    private final ChangeLog changeLog;
    private final TreeSet<Long> seen = new TreeSet<>();
    private Directory directory;
    private IndexWriter writer;
    private volatile SearcherManager searchers;
    private long lastId;
    private long committedChange;
    private Opening opening;
    private boolean failing;

    public SearchIndex(Path folder, String language, Jdbc jdbc) {
        this.folder = folder;
        this.language = SearchAnalysis.primaryLanguage(language);
        this.analyzer = SearchAnalysis.forLanguage(language);
        this.stories = new IndexedStories(jdbc);
        this.changeLog = new ChangeLog(jdbc);
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** Opens the folder, rebuilding or catching up as needed; the index is searchable when this returns. */
    public synchronized void open() {
        if (writer != null) {
            return;
        }
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            Opening reason = check();
            if (reason == Opening.CAUGHT_UP) {
                try {
                    writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.APPEND));
                    lastId = committedChange;
                } catch (LockObtainFailedException e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    log.warn("The search index in {} cannot be opened ({}); rebuilding it", folder, e.toString());
                    reason = Opening.UNREADABLE;
                }
            }
            if (reason != Opening.CAUGHT_UP) {
                writer = IndexRebuild.createWriter(
                        directory, () -> config(IndexWriterConfig.OpenMode.CREATE), reason == Opening.UNREADABLE);
                rebuild(reason);
            }
            searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    searcher.setSimilarity(SIMILARITY);
                    return searcher;
                }
            });
            catchUp();
            if (reason == Opening.CAUGHT_UP && indexedCount() != stories.count()) {
                // Rows written behind the log's back (an import, a generated archive) leave the counts apart.
                reason = Opening.DISAGREES_WITH_DATABASE;
                rebuild(reason);
                catchUp();
            }
            opening = reason;
            if (reason == Opening.CAUGHT_UP) {
                log.info("Search index in {} is current with change {}", folder, lastId);
            }
        } catch (LockObtainFailedException e) {
            closeQuietly();
            throw new IllegalStateException("The search index folder " + folder + " is in use by another process;"
                    + " give each instance its own --search-index");
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException("cannot open the search index in " + folder, e);
        }
    }

    /** How the last {@link #open} found the index; null before it. */
    public synchronized Opening opening() {
        return opening;
    }

    /**
     * Applies the changes recorded since the last call, on any instance: each story they name is read again and
     * replaced in the index, or removed when readers may no longer find it. Called by the change poller before it
     * drops the cached pages, so a search page rendered after that sees the change. A failure is logged and the same
     * changes are tried again at the next call.
     */
    public synchronized void catchUp() {
        if (writer == null) {
            return; // not open yet: the opening catches up
        }
        try {
            Set<Long> newlySeen = new TreeSet<>();
            Set<Long> storyIds = new TreeSet<>();
            long highest = lastId;
            for (ChangeLog.Entry entry : changeLog.after(Math.max(0, lastId - LOOKBACK))) {
                if (!seen.contains(entry.id())) {
                    newlySeen.add(entry.id());
                    highest = Math.max(highest, entry.id());
                    for (ChangeKey key : entry.keys()) {
                        if (key.kind() == ChangeKey.Kind.STORY) {
                            storyIds.add(key.id());
                        }
                    }
                }
            }
            if (newlySeen.isEmpty()) {
                return;
            }
            reindex(new ArrayList<>(storyIds));
            lastId = highest;
            commit();
            searchers.maybeRefreshBlocking();
            seen.addAll(newlySeen);
            seen.headSet(lastId - LOOKBACK).clear();
            if (failing) {
                log.info("The search index is following the change log again");
                failing = false;
            }
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                log.warn("Cannot bring the search index up to date; searches may miss recent changes", e);
                failing = true;
            }
        }
    }

    /** Runs {@code search} on the newest view of the index. */
    <T> T withSearcher(SearchWork<T> search) throws IOException {
        SearcherManager current = searchers;
        if (current == null) {
            throw new IllegalStateException("the search index is not open");
        }
        IndexSearcher searcher = current.acquire();
        try {
            return search.run(searcher);
        } finally {
            current.release(searcher);
        }
    }

    /** A search over one point-in-time view of the index. */
    interface SearchWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                commit();
            } catch (IOException | RuntimeException e) {
                log.warn("The search index could not commit on close; the next start catches up from the log", e);
            }
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.rollback(); // everything worth keeping was committed above
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException e) {
            log.warn("The search index did not close cleanly", e);
        } finally {
            searchers = null;
            writer = null;
            directory = null;
        }
    }

    private Opening check() {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return Opening.MISSING;
            }
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            if (!String.valueOf(FORMAT).equals(data.get(FORMAT_KEY))) {
                return Opening.OTHER_FORMAT;
            }
            if (!language.equals(data.get(LANGUAGE_KEY))) {
                return Opening.OTHER_LANGUAGE;
            }
            long applied = Long.parseLong(data.getOrDefault(CHANGE_KEY, ""));
            committedChange = applied;
            return reachesBack(applied) ? Opening.CAUGHT_UP : Opening.LOG_PRUNED;
        } catch (IOException | NumberFormatException e) {
            log.warn("The search index in {} cannot be read ({})", folder, e.toString());
            return Opening.UNREADABLE;
        }
    }

    /**
     * Whether the log still holds every change after {@code applied}. It keeps its newest 10,000 rows, so a lowest row
     * above {@code applied + 1} means changes this index never saw are gone; a log that ends before {@code applied}
     * belongs to another database.
     */
    private boolean reachesBack(long applied) {
        long last = changeLog.lastId();
        if (last == 0) {
            return applied == 0;
        }
        return applied <= last && changeLog.firstId() <= applied + 1;
    }

    /** Indexes every story readers may find, in batches read by id, in one writer; replaces what the index held. */
    private void rebuild(Opening reason) throws IOException {
        long started = System.nanoTime();
        // Read before the stories: changes made while they are read are applied again by the catch-up that follows.
        long from = changeLog.lastId();
        writer.deleteAll();
        long count = IndexRebuild.fill(writer, stories);
        lastId = from;
        seen.clear();
        commit();
        log.info(
                "Built the search index in {} ({}): {} {} in {} ms",
                folder,
                reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                count,
                count == 1 ? "story" : "stories",
                (System.nanoTime() - started) / 1_000_000);
    }

    private void reindex(List<Long> ids) throws IOException {
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(from + BATCH, ids.size()));
            Set<Long> gone = new TreeSet<>(batch);
            for (IndexedStory story : stories.find(batch)) {
                writer.updateDocument(StoryDocument.idTerm(story.id()), StoryDocument.of(story));
                gone.remove(story.id());
            }
            for (long id : gone) {
                writer.deleteDocuments(StoryDocument.idTerm(id));
            }
        }
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(
                        FORMAT_KEY, String.valueOf(FORMAT),
                        LANGUAGE_KEY, language,
                        CHANGE_KEY, String.valueOf(lastId))
                .entrySet());
        writer.commit();
    }

    private long indexedCount() throws IOException {
        searchers.maybeRefreshBlocking();
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    private IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analyzer)
                .setOpenMode(mode)
                .setSimilarity(SIMILARITY)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setCommitOnClose(false);
    }
}
