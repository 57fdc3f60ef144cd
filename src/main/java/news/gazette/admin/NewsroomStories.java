package news.gazette.admin;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.gazette.db.Database;
import news.gazette.db.Jdbc;
import news.gazette.story.PageOf;
import news.gazette.story.Story;
import news.gazette.story.StoryRows;
import news.gazette.story.StoryStatus;

/** What the newsroom reads: stories in any state, including drafts, scheduled and trashed ones, and their history. */
public final class NewsroomStories {

    /** The story list's filters. */
    public enum Filter {
        ALL,
        DRAFT,
        SCHEDULED,
        PUBLISHED,
        TRASH;

        public static Filter parse(String value) {
            try {
                return value == null || value.isBlank() ? ALL : valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return ALL;
            }
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String ROW_COLUMNS = """
            s.id, s.slug, s.headline, a.name as author_name, s.status, s.published_at, s.modified_at, s.deleted_at
            from story s join author a on a.id = s.author_id
            """;

    private final Jdbc jdbc;
    private final NewsroomTally tally;

    /** Whether H2 must be told to read the searching index (V66); PostgreSQL's planner finds it alone. */
    private final boolean hintIndex;

    public NewsroomStories(Jdbc jdbc) {
        this(jdbc, Database.Dialect.H2);
    }

    public NewsroomStories(Jdbc jdbc, Database.Dialect dialect) {
        this.jdbc = jdbc;
        this.tally = new NewsroomTally(jdbc);
        this.hintIndex = dialect == Database.Dialect.H2;
    }

    /** A story in any state, with its tags, updates and corrections. */
    public Optional<Story> findById(long id) {
        return jdbc.withConnection(c -> {
            List<Story> found = Jdbc.list(c, StoryRows.STORY_WITH_AUTHOR + "where s.id = ?", StoryRows::toStory, id);
            return found.isEmpty() ? Optional.empty() : Optional.of(StoryRows.withRelations(c, found.get(0)));
        });
    }

    public boolean isTrashed(long id) {
        return jdbc.count("select count(*) from story where id = ? and deleted_at is not null", id) > 0;
    }

    /**
     * Stories matching {@code filter} whose headline contains {@code search}, most recently changed first. The page's
     * ids come from an index that holds every column the filters test (V42), so the rows an offset skips are index
     * entries; only the page's rows are read. Without a search the total comes from the kept {@link NewsroomTally}. A
     * search reads the headline of every story in the filter from that same index, which holds the headline (V66), so
     * it reads no story row but the page's. A search for a story's address or slug finds that story by its key.
     */
    public PageOf<NewsroomRow> list(Filter filter, String search, int page, int size, Instant now) {
        return list(filter, search, null, page, size, now);
    }

    /** As above, limited to the stories {@code ownerId} started when it is not null (a contributor's own). */
    public PageOf<NewsroomRow> list(Filter filter, String search, Long ownerId, int page, int size, Instant now) {
        String where = switch (filter) {
            case ALL -> "s.deleted_at is null";
            case DRAFT -> "s.status = 'draft' and s.deleted_at is null";
            case SCHEDULED -> "s.status = 'published' and s.published_at > ? and s.deleted_at is null";
            case PUBLISHED -> "s.status = 'published' and s.published_at <= ? and s.deleted_at is null";
            case TRASH -> "s.deleted_at is not null";
        };
        boolean usesNow = filter == Filter.SCHEDULED || filter == Filter.PUBLISHED;
        String term = search == null ? "" : search.strip();
        String slug = slugSearched(term);
        List<Long> slugged = slug == null ? List.of() : storiesAt(slug);
        if (slug != null && !ARTICLE_ADDRESS.matcher(term).matches() && slugged.isEmpty()) {
            slug = null; // words joined by hyphens ("four-day") that are no story's slug: a headline search
        }
        boolean byHeadline = !term.isEmpty() && slug == null;
        // With the status fixed, ordering by it first lets the database walk story_status_modified_idx; a headline
        // search walks story_modified_idx, which holds every column it reads.
        String order = !byHeadline && (filter == Filter.DRAFT || filter == Filter.PUBLISHED)
                ? " order by s.status, s.modified_at desc, s.id desc"
                : " order by s.modified_at desc, s.id desc";
        String from = byHeadline && hintIndex ? "story s use index (story_modified_idx)" : "story s";
        String pattern = "%"
                + term.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
        String sql = where
                + (byHeadline ? " and lower(s.headline) like ? escape '\\'" : "")
                + (slug == null
                        ? ""
                        : slugged.isEmpty() ? " and 1 = 0" : " and s.id in (" + Jdbc.placeholders(slugged.size()) + ")")
                + (ownerId == null ? "" : " and s.owner_id = ?");
        List<Object> given = new ArrayList<>();
        if (usesNow) {
            given.add(now);
        }
        if (byHeadline) {
            given.add(pattern);
        }
        if (slug != null) {
            given.addAll(slugged);
        }
        if (ownerId != null) {
            given.add(ownerId);
        }
        Object[] params = given.toArray();
        long total = term.isEmpty() && ownerId == null ? total(filter, tally.at(now)) : -1;
        return jdbc.withConnection(c -> {
            long count = total >= 0
                    ? total
                    : Jdbc.list(c, "select count(*) from " + from + " where " + sql, row -> row.getLong(1), params)
                            .get(0);
            long offset = (long) (page - 1) * size;
            if (offset >= count) {
                return new PageOf<NewsroomRow>(List.of(), page, size, count);
            }
            Object[] pageParams = Arrays.copyOf(params, params.length + 2);
            pageParams[params.length] = size;
            pageParams[params.length + 1] = offset;
            List<Long> ids = Jdbc.list(
                    c,
                    "select s.id from " + from + " where " + sql + order + " limit ? offset ?",
                    row -> row.getLong(1),
                    pageParams);
            return new PageOf<>(rowsInOrder(c, ids), page, size, count);
        });
    }

    /**
     * The slug in a search that is a story's address (as copied from the site: {@code https://host/articles/slug} or
     * {@code /articles/slug}) or may be a bare slug (lowercase words joined by hyphens); null for a search of words.
     */
    static String slugSearched(String term) {
        Matcher address = ARTICLE_ADDRESS.matcher(term);
        if (address.matches()) {
            return address.group(1);
        }
        return BARE_SLUG.matcher(term).matches() ? term : null;
    }

    /**
     * The stories at {@code slug}, now or before a rename: two lookups by key. One query joining them with {@code or}
     * read every story row on H2 (seconds at a million stories).
     */
    private List<Long> storiesAt(String slug) {
        List<Long> ids = new ArrayList<>(jdbc.list("select id from story where slug = ?", row -> row.getLong(1), slug));
        for (long renamed :
                jdbc.list("select story_id from story_slug_history where old_slug = ?", row -> row.getLong(1), slug)) {
            if (!ids.contains(renamed)) {
                ids.add(renamed);
            }
        }
        return ids;
    }

    private static final Pattern ARTICLE_ADDRESS =
            Pattern.compile("(?:https?://[^/\\s]+)?/articles/([a-z0-9]+(?:-[a-z0-9]+)*)/?(?:[?#].*)?");
    private static final Pattern BARE_SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)+");

    private static long total(Filter filter, NewsroomTally.Counts counts) {
        NewsroomCounts n = counts.byState();
        return switch (filter) {
            case ALL -> counts.live();
            case DRAFT -> n.drafts();
            case SCHEDULED -> n.scheduled();
            case PUBLISHED -> n.published();
            case TRASH -> n.trashed();
        };
    }

    private static List<NewsroomRow> rowsInOrder(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, NewsroomRow> byId = new HashMap<>();
        Jdbc.list(
                        c,
                        "select " + ROW_COLUMNS + " where s.id in (" + Jdbc.placeholders(ids.size()) + ")",
                        NewsroomStories::toRow,
                        ids.toArray())
                .forEach(row -> byId.put(row.id(), row));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** Counted once per change to the stories (or when a scheduled story goes live), not per request. */
    public NewsroomCounts counts(Instant now) {
        return tally.at(now).byState();
    }

    /** Stories due to appear, soonest first. */
    public List<NewsroomRow> scheduled(int limit, Instant now) {
        return jdbc.list("select " + ROW_COLUMNS + """
                 where s.deleted_at is null and s.status = 'published' and s.published_at > ?
                order by s.published_at, s.id limit ?""", NewsroomStories::toRow, now, limit);
    }

    /** From story_modified_idx alone, then the rows: joined first, the database would read the whole table. */
    public List<NewsroomRow> recentlyChanged(int limit) {
        return jdbc.withConnection(c -> rowsInOrder(
                c,
                Jdbc.list(
                        c,
                        "select s.id from story s where s.deleted_at is null order by s.modified_at desc, s.id desc limit ?",
                        row -> row.getLong(1),
                        limit)));
    }

    /** Stories readers can see, newest first: the candidates for the front page's lead. */
    public List<NewsroomRow> recentlyPublished(int limit, Instant now) {
        return jdbc.list(
                "select " + ROW_COLUMNS
                        + " where s.status = 'published' and s.published_at <= ? and s.deleted_at is null"
                        + " order by s.status, s.published_at desc, s.id desc limit ?",
                NewsroomStories::toRow,
                now,
                limit);
    }

    /** One account's stories, most recently changed first. */
    public List<NewsroomRow> recentlyChangedBy(long ownerId, int limit) {
        return jdbc.list(
                "select " + ROW_COLUMNS + " where s.owner_id = ? and s.deleted_at is null"
                        + " order by s.modified_at desc, s.id desc limit ?",
                NewsroomStories::toRow,
                ownerId,
                limit);
    }

    public List<String> authorNames() {
        return jdbc.list("select name from author order by name", row -> row.getString(1));
    }

    /** Newest first. */
    public List<StoryRevision> revisions(long storyId) {
        return jdbc.list(
                "select * from story_revision where story_id = ? order by version desc, id desc",
                NewsroomStories::toRevision,
                storyId);
    }

    public Optional<StoryRevision> revision(long storyId, long revisionId) {
        return jdbc.first(
                "select * from story_revision where story_id = ? and id = ?",
                NewsroomStories::toRevision,
                storyId,
                revisionId);
    }

    /** The revision saved just before {@code revision}, if any. */
    public Optional<StoryRevision> previous(StoryRevision revision) {
        return jdbc.first(
                """
                select * from story_revision where story_id = ? and (version < ? or (version = ? and id < ?))
                order by version desc, id desc limit 1""",
                NewsroomStories::toRevision,
                revision.storyId(),
                revision.version(),
                revision.version(),
                revision.id());
    }

    static NewsroomRow toRow(ResultSet row) throws SQLException {
        return new NewsroomRow(
                row.getLong("id"),
                row.getString("slug"),
                row.getString("headline"),
                row.getString("author_name"),
                StoryStatus.fromDb(row.getString("status")),
                Jdbc.instant(row, "published_at"),
                Jdbc.instant(row, "modified_at"),
                Jdbc.instant(row, "deleted_at"));
    }

    private static StoryRevision toRevision(ResultSet row) throws SQLException {
        return new StoryRevision(
                row.getLong("id"),
                row.getLong("story_id"),
                row.getInt("version"),
                Jdbc.instant(row, "saved_at"),
                row.getString("saved_by"),
                row.getString("slug"),
                row.getString("headline"),
                row.getString("summary"),
                row.getString("body_markdown"),
                row.getString("notes"),
                row.getString("status"),
                Jdbc.instant(row, "published_at"),
                row.getString("tags"),
                row.getString("author"),
                (Boolean) row.getObject("developing"),
                row.getString("image_url"),
                row.getString("image_alt"),
                row.getString("image_caption"),
                row.getString("update_note"),
                row.getString("correction"),
                row.getString("language"));
    }
}
