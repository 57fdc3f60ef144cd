package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.gazette.App;
import news.gazette.Config;
import news.gazette.web.Dates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An editor schedules a story under embargo and shares a private preview link; someone outside the newsroom opens
 * it signed out in another browser; once the editor revokes it, it opens nothing. The editor then lifts the embargo
 * for the next minute: the story reaches the front page, the feed and search at that time and not before. Last, a
 * change to the published story saved as pending stays out of readers' sight until the editor publishes it.
 */
@Tag("browser")
class EmbargoJourneyTest {

    private static final String PASSWORD = "a newsroom password for the browser";
    private static final Pattern LINK = Pattern.compile("/preview/[A-Za-z0-9_-]{43}");
    private static Javalin app;
    private static String base;

    @BeforeAll
    static void start() {
        app = App.create(Config.forTest().withAdminPassword(PASSWORD)).start(0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void an_embargoed_story_is_previewed_signed_out_by_link_until_the_link_is_revoked() throws Exception {
        String link;
        try (Browser editor = new Browser(1280, 900);
                Browser outsider = new Browser(390, 844)) {
            WebDriver d = editor.driver;
            d.get(base + "/admin/login");
            d.findElement(By.id("username")).sendKeys("admin");
            d.findElement(By.id("password")).sendKeys(PASSWORD);
            d.findElement(By.cssSelector("form button[type=submit]")).click();
            wait(d, ExpectedConditions.not(ExpectedConditions.urlContains("/admin/login")));
            d.get(base + "/admin/stories/new");
            d.findElement(By.id("headline")).sendKeys("Quarterly Figures Released");
            d.findElement(By.id("summary")).sendKeys("The figures are out.");
            d.findElement(By.id("body")).sendKeys("Revenue rose by a tenth.");
            d.findElement(By.id("tags")).sendKeys("Business");
            d.findElement(By.id("author")).sendKeys("Business Desk");
            d.findElement(By.id("publish-schedule")).click();
            // datetime-local takes the digits as typed in the browser's own order; set it as a form would hold it.
            String tomorrow = Dates.formValue(Instant.now().plus(Duration.ofDays(1)));
            ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("document.getElementById('publish_at').value = arguments[0];", tomorrow);
            d.findElement(By.id("embargo")).click();
            d.findElement(By.cssSelector("button[name=action][value=save]")).click();
            wait(d, ExpectedConditions.urlContains("saved=1"));

            d.findElement(By.xpath("//button[text()='Make a preview link']")).click();
            wait(d, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice-ok")));
            Matcher m = LINK.matcher(d.findElement(By.cssSelector(".notice-ok")).getText());
            assertThat(m.find()).isTrue();
            link = base + m.group(); // the test config's public address has no port: open it on this server

            WebDriver o = outsider.driver;
            o.get(link);
            assertThat(o.findElement(By.cssSelector(".preview-banner")).getText())
                    .contains("Embargoed until");
            assertThat(o.findElement(By.tagName("article")).getText()).contains("Revenue rose by a tenth.");
            o.get(base + "/");
            assertThat(o.getPageSource()).doesNotContain("Quarterly Figures Released");

            d.findElement(By.cssSelector("#preview-links form[action$='/revoke'] button"))
                    .click();
            wait(d, ExpectedConditions.urlContains("revoked=1"));
            o.get(link);
            assertThat(o.findElement(By.tagName("body")).getText()).doesNotContain("Revenue rose by a tenth.");
            assertThat(o.findElement(By.tagName("h1")).getText()).isNotEqualTo("Quarterly Figures Released");

            String editorPage = d.getCurrentUrl().replaceAll("\\?.*$", "");
            Instant due = Instant.now().plusSeconds(65).truncatedTo(ChronoUnit.MINUTES);
            d.get(editorPage);
            ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript("document.getElementById('publish_at').value = arguments[0];", Dates.formValue(due));
            if (d.findElement(By.id("embargo")).isSelected()) {
                d.findElement(By.id("embargo")).click();
            }
            d.findElement(By.cssSelector("button[name=action][value=save]")).click();
            wait(d, ExpectedConditions.urlContains("saved=1"));
            o.get(base + "/");
            assertThat(o.getPageSource()).doesNotContain("Quarterly Figures Released");
            new WebDriverWait(o, Duration.ofSeconds(90), Duration.ofSeconds(1)).until(browser -> {
                browser.get(base + "/");
                return browser.getPageSource().contains("Quarterly Figures Released");
            });
            assertThat(Instant.now()).isAfterOrEqualTo(due);
            String article =
                    o.findElement(By.linkText("Quarterly Figures Released")).getAttribute("href");
            o.get(base + "/feed.xml");
            assertThat(o.getPageSource()).contains("Quarterly Figures Released");
            o.get(base + "/search?q=quarterly+figures");
            assertThat(o.findElement(By.tagName("main")).getText()).contains("Quarterly Figures Released");

            d.get(editorPage);
            d.findElement(By.id("headline")).clear();
            d.findElement(By.id("headline")).sendKeys("Quarterly Figures Revised");
            d.findElement(By.cssSelector("button[name=action][value=stage]")).click();
            wait(d, ExpectedConditions.urlContains("staged=1"));
            o.get(article);
            assertThat(o.findElement(By.tagName("h1")).getText()).isEqualTo("Quarterly Figures Released");
            d.findElement(By.cssSelector("button[name=action][value=save]")).click();
            wait(d, ExpectedConditions.urlContains("saved=1"));
            o.get(article);
            assertThat(o.findElement(By.tagName("h1")).getText()).isEqualTo("Quarterly Figures Revised");
        }
    }

    private static void wait(WebDriver d, org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        try {
            new WebDriverWait(d, Duration.ofSeconds(15)).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "the page says: " + d.findElement(By.tagName("body")).getText());
        }
    }
}
