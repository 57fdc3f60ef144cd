package news.gazette.story;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What readers may see of stories, their tags, authors, updates and corrections. Reads only: every write belongs to the
 * newsroom ({@code news.gazette.admin.StoryWriter}). Queries take {@code now} so that a scheduled story
 * appears the moment its time comes, with no job to flip it.
 */
public interface StoryRepository {

    /** A story readers may see at {@code now}, with its tags and updates (newest first). */
    Optional<Story> findPublishedBySlug(String slug, Instant now);

    /** The current slug of a visible story that used to be at {@code oldSlug}, for a permanent redirect. */
    Optional<String> findRenamedSlug(String oldSlug, Instant now);

    /** Corrections on stories readers can see at {@code now}, newest first. */
    List<CorrectionListing> findCorrections(int limit, Instant now);

    /** Newest first; {@code page} is 1-based. */
    PageOf<StoryCard> findPublished(int page, int size, Instant now);

    PageOf<StoryCard> findPublishedByTag(Tag tag, int page, int size, Instant now);

    PageOf<StoryCard> findPublishedByAuthor(Author author, int page, int size, Instant now);

    /** One story's card, whatever its state: the caller has checked it may be shown (a pinned lead). */
    Optional<StoryCard> findCard(long id);

    /**
     * The versions readers have read of a published story, oldest first: the text as published, then every later save,
     * at most {@code limit} of them (the newest), plus the one before those to compare the first with.
     */
    List<PublicRevision> findPublicRevisions(Story story, int limit);

    /** Stories that share the most tags with {@code story}, newest first among equals. */
    List<StoryCard> findRelated(Story story, int limit, Instant now);

    /** The tags with the most published stories: the site's sections. */
    List<Tag> findSections(int limit, Instant now);

    Optional<Tag> findTag(String slug);

    Optional<Author> findAuthor(String slug);
}
