package news.gazette.search;

import java.time.Instant;
import news.gazette.story.PageOf;

/**
 * Finds published stories by the words in their headline, summary, body and tags, best match first. One
 * implementation per database, chosen once in {@code App.create}: H2 uses Gazette's own term index; PostgreSQL would
 * use a {@code tsvector} column with a GIN index, {@code ts_rank_cd} and the same interface.
 */
public interface SearchRepository {

    /** Stories readers may see at {@code now} that contain every term; {@code page} is 1-based. */
    PageOf<SearchResult> search(SearchQuery query, int page, int size, Instant now);
}
