package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import news.gazette.account.Role;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Administrators change roles, disable and delete (after a second step); everyone changes their own password. */
@Tag(TestDatabases.BOTH)
class AccountAdministrationTest {

    @Test
    void an_administrator_changes_a_role_disables_enables_and_deletes_after_confirming() {
        TestSite site = TestSite.create();
        site.addAccount("cora", "contributor password 1", Role.CONTRIBUTOR);
        long cora = site.count("select id from account where username = 'cora'");
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient admin = StoryEditorTest.signedIn(server.port());
            NewsroomClient writer = new NewsroomClient(server.port());
            writer.signIn("cora", "contributor password 1");
            assertThat(writer.get("/admin/stories/new").doc().select("input[name=publish][value=now]"))
                    .isEmpty();

            assertThat(admin.post("/admin/accounts/" + cora + "/role", admin.form("role", "editor"))
                            .status())
                    .isEqualTo(303);
            // A new role takes effect at the next sign-in: the old session is over.
            assertThat(writer.get("/admin").status()).isEqualTo(302);
            writer.signIn("cora", "contributor password 1");
            assertThat(writer.get("/admin/stories/new").doc().select("input[name=publish][value=now]"))
                    .hasSize(1);

            assertThat(admin.post("/admin/accounts/" + cora + "/disable", admin.form())
                            .status())
                    .isEqualTo(303);
            assertThat(writer.get("/admin").status()).isEqualTo(302);
            var refused = writer.signIn("cora", "contributor password 1");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.doc().text()).contains("This account is disabled");
            assertThat(admin.get("/admin/accounts").doc().select(".status-disabled"))
                    .hasSize(1);

            assertThat(admin.post("/admin/accounts/" + cora + "/enable", admin.form())
                            .status())
                    .isEqualTo(303);
            assertThat(writer.signIn("cora", "contributor password 1").status()).isEqualTo(303);

            long me = site.count("select id from account where username = 'admin'");
            var own = admin.post("/admin/accounts/" + me + "/role", admin.form("role", "contributor"));
            assertThat(own.status()).isEqualTo(400);
            assertThat(own.doc().selectFirst(".notice-error").text()).contains("your own account");
            assertThat(admin.post("/admin/accounts/" + me + "/disable", admin.form())
                            .status())
                    .isEqualTo(400);

            Document asked = admin.post("/admin/accounts/" + cora + "/delete", admin.form())
                    .doc();
            assertThat(asked.selectFirst("h1").text()).isEqualTo("Delete the account cora?");
            assertThat(site.count("select count(*) from account where username = 'cora'"))
                    .isOne();
            assertThat(admin.post("/admin/accounts/" + cora + "/delete", admin.form("confirm", "yes"))
                            .status())
                    .isEqualTo(303);
            assertThat(site.count("select count(*) from account where username = 'cora'"))
                    .isZero();
        });
        assertThat(site.count("select count(*) from account where username = 'admin' and role = 'administrator'"
                        + " and disabled_at is null"))
                .isOne();
    }

    @Test
    void everyone_changes_their_own_password_with_the_current_one_and_other_sessions_end() {
        TestSite site = TestSite.create();
        site.addAccount("cora", "contributor password 1", Role.CONTRIBUTOR);
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient here = new NewsroomClient(server.port());
            NewsroomClient elsewhere = new NewsroomClient(server.port());
            here.signIn("cora", "contributor password 1");
            elsewhere.signIn("cora", "contributor password 1");

            var wrong = here.post(
                    "/admin/profile/password",
                    here.form(
                            "current_password",
                            "not it at all",
                            "new_password",
                            "a new long password",
                            "repeat_password",
                            "a new long password"));
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.doc().selectFirst("#current_password-error").text())
                    .contains("not your current");
            var differ = here.post(
                    "/admin/profile/password",
                    here.form(
                            "current_password",
                            "contributor password 1",
                            "new_password",
                            "a new long password",
                            "repeat_password",
                            "another long password"));
            assertThat(differ.doc().selectFirst("#repeat_password-error").text())
                    .contains("differ");

            var changed = here.post(
                    "/admin/profile/password",
                    here.form(
                            "current_password",
                            "contributor password 1",
                            "new_password",
                            "a new long password",
                            "repeat_password",
                            "a new long password"));
            assertThat(changed.status()).isEqualTo(303);
            assertThat(here.get(changed.header("Location"))
                            .doc()
                            .selectFirst(".notice-ok")
                            .text())
                    .contains("password is changed");
            assertThat(elsewhere.get("/admin").status()).isEqualTo(302);
            assertThat(new NewsroomClient(server.port())
                            .signIn("cora", "contributor password 1")
                            .status())
                    .isEqualTo(401);
            assertThat(new NewsroomClient(server.port())
                            .signIn("cora", "a new long password")
                            .status())
                    .isEqualTo(303);
        });
    }
}
