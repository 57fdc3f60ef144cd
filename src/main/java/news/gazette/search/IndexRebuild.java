package news.gazette.search;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;

/** How {@link SearchIndex} builds its index from nothing: a new writer, then every story, in batches. */
final class IndexRebuild {

    /** Stories read from the database at a time, in a rebuild and in a catch-up. */
    static final int BATCH = 500;

    private IndexRebuild() {}

    /**
     * A writer on a new, empty index. Lucene creates one over an old index it can read; over one it cannot (a damaged
     * commit), the folder's index files are deleted first. Only names Lucene gives its files are touched, since the
     * folder is the operator's choice.
     */
    static IndexWriter createWriter(Directory directory, Supplier<IndexWriterConfig> config, boolean unreadable)
            throws IOException {
        try {
            return new IndexWriter(directory, config.get());
        } catch (LockObtainFailedException e) {
            throw e;
        } catch (IOException e) {
            if (!unreadable) {
                throw e;
            }
            for (String name : directory.listAll()) {
                if (name.startsWith(IndexFileNames.SEGMENTS)
                        || name.startsWith(IndexFileNames.PENDING_SEGMENTS)
                        || IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches()) {
                    directory.deleteFile(name);
                }
            }
            return new IndexWriter(directory, config.get());
        }
    }

    /** Adds every story the index should hold to {@code writer}; returns how many. */
    static long fill(IndexWriter writer, IndexedStories stories) throws IOException {
        long count = 0;
        // The next batch is read while this one is analysed: reading (the database, HTML to text) is a third of the
        // work, analysis the rest.
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> new Thread(r, "gazette-search-rebuild"));
        try {
            Future<IndexedStories.Batch> next = reader.submit(() -> stories.batchAfter(0, BATCH));
            for (IndexedStories.Batch batch = await(next); !batch.isEnd(); batch = await(next)) {
                long after = batch.lastId();
                next = reader.submit(() -> stories.batchAfter(after, BATCH));
                // Spread over the cores: the writer takes documents from many threads at once.
                batch.stories().parallelStream().forEach(story -> {
                    try {
                        writer.addDocument(StoryDocument.of(story));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                count += batch.stories().size();
            }
        } finally {
            reader.shutdownNow();
        }
        return count;
    }

    private static IndexedStories.Batch await(Future<IndexedStories.Batch> batch) throws IOException {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("search index rebuild interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }
}
