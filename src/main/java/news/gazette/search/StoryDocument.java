package news.gazette.search;

import java.time.Instant;
import java.util.List;
import news.gazette.story.Author;
import news.gazette.story.FeaturedImage;
import news.gazette.story.StoryCard;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;

/**
 * One story in the search index: the fields it is found by, and stored copies of what a results page shows, so that a
 * search never asks the database for anything.
 */
final class StoryDocument {

    static final String ID = "id";
    static final String HEADLINE = "headline";
    static final String TAGS = "tags";
    static final String SUMMARY = "summary";
    static final String BODY = "body";
    /** Headline, summary, tags and body in one field, which every word of a query is matched in ({@link StoryQuery}). */
    static final String ALL = "all";
    /** Every word of the four text fields, unstemmed: for the last word's prefix and for spelling suggestions. */
    static final String WORDS = "words";

    static final String PUBLISHED = "published";
    private static final String SLUG = "slug";
    private static final String UPDATED = "updated";
    private static final String DEVELOPING = "developing";
    private static final String AUTHOR_ID = "author_id";
    private static final String AUTHOR_SLUG = "author_slug";
    private static final String AUTHOR_NAME = "author_name";
    private static final String IMAGE_URL = "image_url";
    private static final String IMAGE_ALT = "image_alt";
    private static final String IMAGE_CAPTION = "image_caption";
    private static final String IMAGE_WIDTH = "image_width";
    private static final String IMAGE_HEIGHT = "image_height";

    /** The highlighter reads no further than this into a body, so no more of it is stored. */
    static final int STORED_BODY_CHARS = 10_000;

    // Prefixes and suggestions need to know which words exist and how often, not where they are.
    private static final FieldType WORDS_TYPE = new FieldType();

    static {
        WORDS_TYPE.setTokenized(true);
        WORDS_TYPE.setIndexOptions(IndexOptions.DOCS);
        WORDS_TYPE.setOmitNorms(true);
        WORDS_TYPE.freeze();
    }

    private StoryDocument() {}

    static Term idTerm(long id) {
        return new Term(ID, Long.toString(id));
    }

    static Document of(IndexedStory story) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(story.id()), Field.Store.YES));
        doc.add(new StoredField(SLUG, story.slug()));
        doc.add(new TextField(HEADLINE, story.headline(), Field.Store.YES));
        doc.add(new TextField(SUMMARY, story.summary(), Field.Store.YES));
        // The body is matched through ALL only; its stored start is for the highlighter, which analyses it again.
        String body = story.bodyText();
        doc.add(new StoredField(
                BODY, body.length() <= STORED_BODY_CHARS ? body : body.substring(0, STORED_BODY_CHARS)));
        for (String tag : story.tags()) {
            doc.add(new TextField(TAGS, tag, Field.Store.YES));
        }
        for (String text : List.of(story.headline(), story.summary(), story.bodyText())) {
            doc.add(new TextField(ALL, text, Field.Store.NO));
            doc.add(new Field(WORDS, text, WORDS_TYPE));
        }
        story.tags().forEach(tag -> {
            doc.add(new TextField(ALL, tag, Field.Store.NO));
            doc.add(new Field(WORDS, tag, WORDS_TYPE));
        });
        doc.add(new LongField(PUBLISHED, story.publishedAt().toEpochMilli(), Field.Store.YES));
        if (story.updatedAt() != null) {
            doc.add(new StoredField(UPDATED, story.updatedAt().toEpochMilli()));
        }
        doc.add(new StoredField(DEVELOPING, story.developing() ? 1 : 0));
        for (Author author : story.authors()) { // stored values keep their order
            doc.add(new StoredField(AUTHOR_ID, author.id()));
            doc.add(new StoredField(AUTHOR_SLUG, author.slug()));
            doc.add(new StoredField(AUTHOR_NAME, author.name()));
        }
        FeaturedImage image = story.image();
        if (image != null) {
            doc.add(new StoredField(IMAGE_URL, image.url()));
            doc.add(new StoredField(IMAGE_ALT, image.alt()));
            doc.add(new StoredField(IMAGE_CAPTION, image.caption()));
            doc.add(new StoredField(IMAGE_WIDTH, image.width()));
            doc.add(new StoredField(IMAGE_HEIGHT, image.height()));
        }
        return doc;
    }

    /** The card of a stored story, as lists show it (results show no tags). */
    static StoryCard card(Document doc) {
        String imageUrl = doc.get(IMAGE_URL);
        FeaturedImage image = imageUrl == null
                ? null
                : new FeaturedImage(
                        imageUrl,
                        doc.get(IMAGE_ALT),
                        doc.get(IMAGE_CAPTION),
                        number(doc, IMAGE_WIDTH).intValue(),
                        number(doc, IMAGE_HEIGHT).intValue());
        IndexableField updated = doc.getField(UPDATED);
        return new StoryCard(
                Long.parseLong(doc.get(ID)),
                doc.get(SLUG),
                doc.get(HEADLINE),
                doc.get(SUMMARY),
                authors(doc),
                Instant.ofEpochMilli(number(doc, PUBLISHED).longValue()),
                updated == null
                        ? null
                        : Instant.ofEpochMilli(updated.numericValue().longValue()),
                number(doc, DEVELOPING).intValue() == 1,
                image,
                List.of());
    }

    private static List<Author> authors(Document doc) {
        IndexableField[] ids = doc.getFields(AUTHOR_ID);
        String[] slugs = doc.getValues(AUTHOR_SLUG);
        String[] names = doc.getValues(AUTHOR_NAME);
        List<Author> authors = new java.util.ArrayList<>();
        for (int i = 0; i < ids.length && i < slugs.length && i < names.length; i++) {
            authors.add(new Author(ids[i].numericValue().longValue(), slugs[i], names[i], ""));
        }
        return authors;
    }

    private static Number number(Document doc, String field) {
        return doc.getField(field).numericValue();
    }
}
