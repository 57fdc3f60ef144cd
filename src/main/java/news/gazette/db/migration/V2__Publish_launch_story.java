package news.gazette.db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Publishes the launch story into a new, empty store, so that a fresh install shows a real front page.
 *
 * <p>A migration rather than a start-up check: Flyway runs it exactly once per database, under its lock, so several
 * instances starting together cannot publish it twice, and deleting the story later does not bring it back. Like
 * every shipped migration it is frozen: it writes with its own SQL and never calls application code that may change.
 */
public class V2__Publish_launch_story extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (hasStories(c)) {
            return;
        }
        Properties meta = new Properties();
        try (InputStream in = resource("seed/launch-story.properties")) {
            meta.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String body;
        try (InputStream in = resource("seed/launch-story.md")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);

        long authorId = insert(
                c,
                "insert into author (slug, name, bio) values (?, ?, ?)",
                slugOf(meta.getProperty("author")),
                meta.getProperty("author"),
                meta.getProperty("author.bio"));
        long storyId = insert(
                c,
                """
                insert into story (slug, headline, summary, body_markdown, author_id, status, developing,
                                   published_at, created_at, modified_at, image_url, image_alt, image_caption,
                                   image_width, image_height, notes)
                values (?, ?, ?, ?, ?, 'published', true, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                meta.getProperty("slug"),
                meta.getProperty("headline"),
                meta.getProperty("summary"),
                body,
                authorId,
                now,
                now,
                now,
                meta.getProperty("image.url"),
                meta.getProperty("image.alt"),
                meta.getProperty("image.caption"),
                Integer.parseInt(meta.getProperty("image.width")),
                Integer.parseInt(meta.getProperty("image.height")),
                meta.getProperty("notes"));
        List<String> tags = Arrays.stream(meta.getProperty("tags").split(","))
                .map(String::strip)
                .toList();
        for (int position = 0; position < tags.size(); position++) {
            String name = tags.get(position);
            long tagId = insert(c, "insert into tag (slug, name) values (?, ?)", slugOf(name), name);
            insert(c, "insert into story_tag (story_id, tag_id, position) values (?, ?, ?)", storyId, tagId, position);
        }
    }

    private static boolean hasStories(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select count(*) from story")) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }

    private static long insert(Connection c, String sql, Object... params) throws SQLException {
        boolean returnsId = !sql.startsWith("insert into story_tag");
        try (PreparedStatement statement =
                returnsId ? c.prepareStatement(sql, new String[] {"id"}) : c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
            if (!returnsId) {
                return 0;
            }
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static String slugOf(String name) {
        return name.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }

    private static InputStream resource(String name) {
        InputStream in = V2__Publish_launch_story.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing resource " + name));
        }
        return in;
    }
}
