package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import news.gazette.TestSite;
import news.gazette.admin.KillNineTest.Saved;

/**
 * What the newsroom does first thing after the server comes back from {@code kill -9}: every kind of row that gets a
 * generated id is written at once, because ids are where a store that lost track of its counters shows it (the next
 * insert reuses an id that is already taken and answers 500).
 */
final class AfterRestart {

    static final int CREATES_PER_ROUND = 7;
    static final String PASSWORD = "night shift password";

    private AfterRestart() {}

    /**
     * Signs in, creates {@link #CREATES_PER_ROUND} stories (one by a new author, all under a new tag), records a failed
     * sign-in, adds and signs in a new account, and saves an edit with an update note and a correction. Every step must
     * be confirmed; created and edited stories are added to {@code confirmed}.
     */
    static void useEveryTable(int port, int round, Map<Long, Saved> confirmed) {
        NewsroomClient admin = new NewsroomClient(port);
        assertThat(admin.signIn("admin", TestSite.ADMIN_PASSWORD).status())
                .as("round %d: admin signs in", round)
                .isEqualTo(303);
        long first = 0;
        for (int i = 0; i < CREATES_PER_ROUND; i++) {
            Saved saved = new Saved("Restart " + round + " story " + i, "Filed right after restart " + round + ".");
            String author = i == 1 ? "Wire desk " + round : "Night desk";
            var reply = admin.post(
                    "/admin/stories/new",
                    admin.form(
                            "headline",
                            saved.headline(),
                            "author",
                            author,
                            "body",
                            saved.body(),
                            "tags",
                            "Kill round " + round,
                            "publish",
                            "now"));
            assertThat(reply.status())
                    .as("round %d, create %d: %s", round, i, gist(reply))
                    .isEqualTo(303);
            long id = Long.parseLong(reply.header("Location").replaceAll("^/admin/stories/(\\d+)\\?saved=1$", "$1"));
            assertThat(confirmed.put(id, saved))
                    .as("id %d handed out twice", id)
                    .isNull();
            if (i == 0) {
                first = id;
            }
        }

        var failed = new NewsroomClient(port).signIn("nobody-" + round, "not the password at all");
        assertThat(failed.status()).as("round %d: a wrong password", round).isEqualTo(401);

        var account = admin.post(
                "/admin/accounts", admin.form("username", "night-" + round, "role", "editor", "password", PASSWORD));
        assertThat(account.status())
                .as("round %d: add account: %s", round, gist(account))
                .isEqualTo(303);
        NewsroomClient editor = new NewsroomClient(port);
        assertThat(editor.signIn("night-" + round, PASSWORD).status())
                .as("round %d: the new account signs in", round)
                .isEqualTo(303);

        Saved edited = new Saved("Restart " + round + " story 0", "Corrected by night-" + round + ".");
        var edit = editor.post(
                "/admin/stories/" + first,
                editor.form(
                        "version",
                        "1",
                        "headline",
                        edited.headline(),
                        "author",
                        "Night desk",
                        "body",
                        edited.body(),
                        "tags",
                        "Kill round " + round + ", Corrections " + round,
                        "publish",
                        "now",
                        "update_note",
                        "Updated after restart " + round + ".",
                        "correction_wrong",
                        "it said round " + round + " was first.",
                        "correction_right",
                        "it was round " + round + "."));
        assertThat(edit.status()).as("round %d: edit: %s", round, gist(edit)).isEqualTo(303);
        confirmed.put(first, edited);
    }

    /** The page's title and the start of its text: enough to tell an error page from a form with messages. */
    private static String gist(NewsroomClient.Reply reply) {
        String text = reply.doc().body().text();
        return reply.doc().title() + ": " + text.substring(0, Math.min(300, text.length()));
    }
}
