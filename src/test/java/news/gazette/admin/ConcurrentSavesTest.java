package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Many editors saving at once: nothing lost, nothing doubled, and nobody silently overwrites anybody. */
@Tag(TestDatabases.BOTH)
class ConcurrentSavesTest {

    static final int EDITORS = 8;
    static final int STORIES_EACH = 10;

    @Test
    void eight_editors_creating_ten_stories_each_at_once_lose_nothing_and_duplicate_nothing() throws Exception {
        TestSite site = TestSite.create();
        long before = site.count("select count(*) from story");
        JavalinTest.test(site.app, (server, client) -> {
            List<NewsroomClient> editors = new ArrayList<>();
            for (int e = 0; e < EDITORS; e++) {
                editors.add(StoryEditorTest.signedIn(server.port()));
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<List<Long>>> work = new ArrayList<>();
            for (int e = 0; e < EDITORS; e++) {
                int editor = e;
                work.add(() -> {
                    start.await();
                    List<Long> ids = new ArrayList<>();
                    NewsroomClient c = editors.get(editor);
                    for (int i = 0; i < STORIES_EACH; i++) {
                        // Every other story has the same headline in every thread, so their addresses collide.
                        String headline = i % 2 == 0 ? "Breaking: the dam holds" : "Story " + editor + "-" + i;
                        ids.add(StoryEditorTest.create(
                                c,
                                "headline",
                                headline,
                                "author",
                                "Desk " + editor,
                                "tags",
                                "Breaking, Desk " + editor,
                                "body",
                                body(editor, i),
                                "publish",
                                "now"));
                    }
                    return ids;
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
            try {
                List<Future<List<Long>>> futures = new ArrayList<>();
                work.forEach(w -> futures.add(pool.submit(w)));
                start.countDown();
                List<Long> all = new ArrayList<>();
                for (Future<List<Long>> f : futures) {
                    all.addAll(f.get(120, TimeUnit.SECONDS));
                }
                assertThat(all).hasSize(EDITORS * STORIES_EACH).doesNotHaveDuplicates();
            } finally {
                pool.shutdownNow();
            }
        });
        int total = EDITORS * STORIES_EACH;
        assertThat(site.count("select count(*) from story")).isEqualTo(before + total);
        assertThat(site.count("select count(distinct slug) from story")).isEqualTo(before + total);
        assertThat(site.count("select count(*) from story where slug like 'breaking-the-dam-holds%'"))
                .isEqualTo(EDITORS * STORIES_EACH / 2);
        for (int e = 0; e < EDITORS; e++) {
            for (int i = 0; i < STORIES_EACH; i++) {
                String body = body(e, i);
                assertThat(site.jdbc.count("select count(*) from story where body_markdown = ?", body))
                        .as(body)
                        .isEqualTo(1);
                assertThat(site.jdbc.count(
                                "select count(*) from story_revision r join story s on s.id = r.story_id"
                                        + " where s.body_markdown = ? and r.version = 1",
                                body))
                        .isEqualTo(1);
            }
        }
        assertThat(site.count("select count(*) from tag where slug = 'breaking'"))
                .isEqualTo(1);
    }

    @Test
    void editors_saving_the_same_version_at_once_get_one_save_and_the_rest_keep_their_text() throws Exception {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient first = StoryEditorTest.signedIn(server.port());
            long id = StoryEditorTest.create(
                    first, "headline", "Council budget", "author", "City desk", "body", "First draft.");
            List<NewsroomClient> editors = new ArrayList<>();
            for (int e = 0; e < EDITORS; e++) {
                editors.add(StoryEditorTest.signedIn(server.port()));
            }
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
            try {
                List<Future<NewsroomClient.Reply>> replies = new ArrayList<>();
                for (int e = 0; e < EDITORS; e++) {
                    NewsroomClient c = editors.get(e);
                    String body = "Version by editor " + e + ".";
                    replies.add(pool.submit(() -> {
                        Map<String, String> form = c.form(
                                "version", "1",
                                "headline", "Council budget",
                                "slug", "council-budget",
                                "author", "City desk",
                                "body", body);
                        start.await();
                        return c.post("/admin/stories/" + id, form);
                    }));
                }
                start.countDown();
                int saved = 0;
                int refused = 0;
                for (int e = 0; e < EDITORS; e++) {
                    NewsroomClient.Reply reply = replies.get(e).get(60, TimeUnit.SECONDS);
                    if (reply.status() == 303) {
                        saved++;
                        assertThat(site.jdbc.count(
                                        "select count(*) from story where id = ? and body_markdown = ?",
                                        id,
                                        "Version by editor " + e + "."))
                                .isEqualTo(1);
                    } else {
                        refused++;
                        assertThat(reply.status()).isEqualTo(409);
                        assertThat(reply.body()).contains("Not saved: someone else saved this story");
                        assertThat(reply.doc().selectFirst("#body").wholeText())
                                .isEqualTo("Version by editor " + e + ".");
                    }
                }
                assertThat(saved).isEqualTo(1);
                assertThat(refused).isEqualTo(EDITORS - 1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(site.jdbc.count("select version from story where id = ?", id))
                    .isEqualTo(2);
            assertThat(site.jdbc.count("select count(*) from story_revision where story_id = ?", id))
                    .isEqualTo(2);
        });
    }

    private static String body(int editor, int i) {
        return "Body written by editor " + editor + ", story " + i + ".\n\nWith a second paragraph.";
    }
}
