package news.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.Map;
import news.gazette.TestDatabases;
import news.gazette.TestSite;
import news.gazette.account.Role;
import news.gazette.account.SignInThrottle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDatabases.BOTH)
class AdminAccessTest {

    static final String NEW_STORY_FIELDS_HEADLINE = "Sneaky Story";

    @Test
    void anonymous_requests_to_admin_pages_are_sent_to_sign_in() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient anon = new NewsroomClient(server.port());
            for (String path : List.of(
                    "/admin",
                    "/admin/stories",
                    "/admin/stories?status=draft",
                    "/admin/stories/new",
                    "/admin/stories/1",
                    "/admin/stories/1/revisions",
                    "/admin/accounts")) {
                var reply = anon.get(path);
                assertThat(reply.status()).as(path).isEqualTo(302);
                assertThat(reply.header("Location")).as(path).startsWith("/admin/login?next=%2Fadmin");
            }
            assertThat(anon.get("/admin/login").status()).isEqualTo(200);
        });
    }

    @Test
    void anonymous_actions_are_refused_and_change_nothing() {
        TestSite site = TestSite.create();
        long stories = site.count("select count(*) from story");
        long accounts = site.count("select count(*) from account");
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient anon = new NewsroomClient(server.port());
            Map<String, String> story = Map.of(
                    "headline",
                    NEW_STORY_FIELDS_HEADLINE,
                    "author",
                    "X",
                    "body",
                    "b",
                    "publish",
                    "now",
                    "version",
                    "1");
            for (String path : List.of(
                    "/admin/stories/new",
                    "/admin/stories/1",
                    "/admin/stories/1/trash",
                    "/admin/trash/empty",
                    "/admin/preview",
                    "/admin/logout")) {
                assertThat(anon.post(path, story).status()).as(path).isEqualTo(403);
            }
            assertThat(anon.post(
                                    "/admin/accounts",
                                    Map.of("username", "mallory", "role", "administrator", "password", "x".repeat(20)))
                            .status())
                    .isEqualTo(403);
            assertThat(client.get("/").body().string()).doesNotContain(NEW_STORY_FIELDS_HEADLINE);
        });
        assertThat(site.count("select count(*) from story")).isEqualTo(stories);
        assertThat(site.count("select count(*) from story where deleted_at is not null"))
                .isZero();
        assertThat(site.count("select count(*) from account")).isEqualTo(accounts);
    }

    @Test
    void a_missing_or_wrong_csrf_token_is_refused_and_creates_nothing() {
        TestSite site = TestSite.create();
        long before = site.count("select count(*) from story");
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient admin = new NewsroomClient(server.port());
            assertThat(admin.signIn("admin", TestSite.ADMIN_PASSWORD).status()).isEqualTo(303);
            Map<String, String> fields =
                    Map.of("headline", "Forged Story", "author", "Mallory", "body", "forged", "publish", "now");
            assertThat(admin.post("/admin/stories/new", fields).status()).isEqualTo(403);
            Map<String, String> wrong = new java.util.HashMap<>(fields);
            wrong.put("csrf", "not-the-token");
            assertThat(admin.post("/admin/stories/new", wrong).status()).isEqualTo(403);
            assertThat(admin.post("/admin/stories/1/trash", Map.of("csrf", "")).status())
                    .isEqualTo(403);
            // With the right token the same request reaches the handler (and fails its validation).
            assertThat(admin.post("/admin/accounts", admin.form("username", "mallory", "role", "editor"))
                            .status())
                    .isEqualTo(400);
        });
        assertThat(site.count("select count(*) from story")).isEqualTo(before);
        assertThat(site.count("select count(*) from story where deleted_at is not null"))
                .isZero();
    }

    @Test
    void a_post_from_another_origin_is_refused_even_with_the_right_token() throws Exception {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient admin = new NewsroomClient(server.port());
            admin.signIn("admin", TestSite.ADMIN_PASSWORD);
            var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + server.port() + "/admin/stories/1/trash"))
                    .header("Cookie", admin.cookie)
                    .header("Origin", "https://evil.example")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("csrf=" + admin.csrf))
                    .build();
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(403);
            // The live preview sends the token in a header instead of a form field.
            var preview = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + server.port() + "/admin/preview"))
                    .header("Cookie", admin.cookie)
                    .header("X-CSRF-Token", admin.csrf)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("body=**hi**"))
                    .build();
            assertThat(java.net.http.HttpClient.newHttpClient()
                            .send(preview, java.net.http.HttpResponse.BodyHandlers.ofString())
                            .body())
                    .isEqualToIgnoringWhitespace("<p><strong>hi</strong></p>");
        });
        assertThat(site.count("select count(*) from story where deleted_at is not null"))
                .isZero();
    }

    @Test
    void sign_in_sets_a_fresh_httponly_samesite_cookie_and_sign_out_ends_the_session_on_the_server() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient admin = new NewsroomClient(server.port());
            admin.cookie = "gazette_session=planted-by-an-attacker-0000000000000000000000";
            var reply = admin.signIn("admin", TestSite.ADMIN_PASSWORD);
            assertThat(reply.status()).isEqualTo(303);
            assertThat(reply.header("Location")).isEqualTo("/admin");
            String setCookie = reply.header("Set-Cookie");
            assertThat(setCookie)
                    .contains("HttpOnly")
                    .contains("SameSite=Strict")
                    .contains("Path=/")
                    .doesNotContain("planted");
            String session = admin.cookie;
            assertThat(admin.get("/admin").status()).isEqualTo(200);
            assertThat(site.count("select count(*) from admin_session")).isEqualTo(1);

            assertThat(admin.post("/admin/logout", admin.form()).status()).isEqualTo(303);
            assertThat(site.count("select count(*) from admin_session")).isZero();
            admin.cookie = session; // the old cookie, replayed
            assertThat(admin.get("/admin").status()).isEqualTo(302);
        });
    }

    @Test
    void behind_an_https_base_url_the_session_cookie_is_secure() {
        var app = news.gazette.App.create(news.gazette.Config.forTest()
                .withBaseUrl("https://news.example")
                .withAdminPassword(TestSite.ADMIN_PASSWORD));
        JavalinTest.test(app, (server, client) -> {
            var reply = new NewsroomClient(server.port()).signIn("admin", TestSite.ADMIN_PASSWORD);
            assertThat(reply.header("Set-Cookie")).contains("; Secure").contains("HttpOnly");
        });
    }

    @Test
    void a_wrong_password_is_refused_and_next_never_leaves_the_newsroom() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = new NewsroomClient(server.port());
            var wrong = c.post("/admin/login", Map.of("username", "admin", "password", "nope"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body()).contains("do not match");
            assertThat(c.cookie).isNull();
            assertThat(c.get("/admin/login?next=//evil.example/x")
                            .doc()
                            .selectFirst("input[name=next]")
                            .attr("value"))
                    .isEqualTo("/admin");
            var ok = c.post(
                    "/admin/login",
                    Map.of("username", "admin", "password", TestSite.ADMIN_PASSWORD, "next", "https://evil.example/"));
            assertThat(ok.header("Location")).isEqualTo("/admin");
            var c2 = new NewsroomClient(server.port());
            var back = c2.post(
                    "/admin/login",
                    Map.of(
                            "username",
                            "admin",
                            "password",
                            TestSite.ADMIN_PASSWORD,
                            "next",
                            "/admin/stories?status=draft"));
            assertThat(back.header("Location")).isEqualTo("/admin/stories?status=draft");
        });
    }

    @Test
    void five_failed_sign_ins_refuse_that_name_from_that_address_even_with_the_right_password() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient c = new NewsroomClient(server.port());
            for (int i = 0; i < SignInThrottle.PER_PAIR; i++) {
                assertThat(c.signIn("admin", "wrong guess " + i).status()).isEqualTo(401);
            }
            var blocked = c.signIn("admin", TestSite.ADMIN_PASSWORD);
            assertThat(blocked.status()).isEqualTo(429);
            assertThat(blocked.body()).contains("Too many failed sign-ins. Try again in");
            assertThat(blocked.header("Retry-After")).isNotNull();
            assertThat(c.cookie).isNull();
        });
    }

    @Test
    void an_editor_cannot_manage_accounts_but_an_administrator_can() {
        TestSite site = TestSite.create();
        site.addAccount("eddie", "editor password 1", Role.EDITOR);
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient editor = new NewsroomClient(server.port());
            assertThat(editor.signIn("eddie", "editor password 1").status()).isEqualTo(303);
            assertThat(editor.get("/admin/accounts").status()).isEqualTo(403);
            assertThat(editor.get("/admin").body()).doesNotContain("href=\"/admin/accounts\"");
            var made = editor.post(
                    "/admin/accounts",
                    editor.form("username", "sneaky", "role", "administrator", "password", "a long password 1"));
            assertThat(made.status()).isEqualTo(403);
            assertThat(editor.post("/admin/accounts/1/delete", editor.form()).status())
                    .isEqualTo(403);
            assertThat(editor.get("/admin/stories/new").status()).isEqualTo(200);

            NewsroomClient admin = new NewsroomClient(server.port());
            admin.signIn("admin", TestSite.ADMIN_PASSWORD);
            assertThat(admin.get("/admin/accounts").status()).isEqualTo(200);
            var added = admin.post(
                    "/admin/accounts",
                    admin.form("username", "writer", "role", "editor", "password", "a long password 1"));
            assertThat(added.status()).isEqualTo(303);
        });
        assertThat(site.accounts.findCredentials("sneaky")).isEmpty();
        assertThat(site.accounts.findCredentials("admin")).isPresent();
        assertThat(site.accounts
                        .findCredentials("writer")
                        .orElseThrow()
                        .account()
                        .role())
                .isEqualTo(Role.EDITOR);
    }

    @Test
    void the_backup_panel_offers_the_online_backup_only_on_an_h2_file_and_names_pg_dump_on_postgresql() {
        TestSite site = TestSite.create();
        JavalinTest.test(site.app, (server, client) -> {
            NewsroomClient admin = new NewsroomClient(server.port());
            admin.signIn("admin", TestSite.ADMIN_PASSWORD);
            String page = admin.get("/admin/accounts").body();
            assertThat(page).contains("Download an export").doesNotContain("Download a backup");
            if (TestDatabases.isPostgres()) {
                assertThat(page).contains("pg_dump");
                assertThat(admin.post("/admin/backup", admin.form()).status()).isEqualTo(400);
            } else {
                assertThat(page).doesNotContain("pg_dump");
            }
        });
    }
}
