package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.time.Duration;
import news.gazette.App;
import news.gazette.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Review before publishing, in a browser: a contributor writes and submits using the keyboard alone, an editor returns
 * the story with a note, the contributor fixes and resubmits it, the editor publishes it and a reader sees it.
 */
@Tag("browser")
class ReviewJourneyTest {

    private static final String ADMIN_PASSWORD = "a newsroom password for the browser";
    private static final String CONTRIBUTOR_PASSWORD = "a contributor's own password";
    private static Javalin app;
    private static String base;

    @BeforeAll
    static void start() {
        app = App.create(Config.forTest().withAdminPassword(ADMIN_PASSWORD)).start(0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void contributor_submits_by_keyboard_editor_returns_it_contributor_fixes_it_editor_publishes_it() throws Exception {
        try (Browser admin = new Browser(1280, 900)) {
            WebDriver d = admin.driver;
            signIn(d, "admin", ADMIN_PASSWORD);
            d.get(base + "/admin/accounts");
            d.findElement(By.id("username")).sendKeys("cora");
            new org.openqa.selenium.support.ui.Select(d.findElement(By.id("role"))).selectByValue("contributor");
            d.findElement(By.id("password")).sendKeys(CONTRIBUTOR_PASSWORD);
            d.findElement(By.xpath("//button[text()='Add account']")).click();
            waitFor(d, "added=1");
            assertThat(d.findElement(By.tagName("table")).getText())
                    .contains("cora")
                    .contains("Contributor");
        }
        String storyUrl;
        try (Browser contributor = new Browser(390, 844)) {
            WebDriver d = contributor.driver;
            d.get(base + "/admin/stories/new");
            tabTo(d, "username").sendKeys("cora");
            tabTo(d, "password").sendKeys(CONTRIBUTOR_PASSWORD, Keys.ENTER);
            waitFor(d, "/admin/stories/new");
            tabTo(d, "headline").sendKeys("Night Buses Return to the Old Town");
            tabTo(d, "summary").sendKeys("Three routes run again after midnight.");
            tabTo(d, "body").sendKeys("The routes 4, 7 and 9 run until two.");
            tabTo(d, "tags").sendKeys("Transport");
            // Back up to the publishing choices (Shift+Tab), then down the radio group to "Submit for review".
            press(d, "publish-draft", Keys.chord(Keys.SHIFT, Keys.TAB));
            press(d, "publish-review", Keys.ARROW_DOWN);
            tabTo(d, "save").sendKeys(Keys.ENTER);
            waitFor(d, "saved=1");
            assertThat(d.findElement(By.cssSelector(".notice-ok")).getText()).startsWith("Submitted for review");
            storyUrl = d.getCurrentUrl().replace("?saved=1", "");
        }

        try (Browser editor = new Browser(1280, 900)) {
            WebDriver d = editor.driver;
            signIn(d, "admin", ADMIN_PASSWORD);
            d.findElement(By.linkText("Night Buses Return to the Old Town")).click();
            d.findElement(By.id("review_note")).sendKeys("Which company runs route 9?");
            d.findElement(By.cssSelector(".return-form button")).click();
            waitFor(d, "returned=1");
            assertThat(d.findElement(By.cssSelector(".notice-ok")).getText()).contains("Returned to the writer");
        }

        try (Browser contributor = new Browser(390, 844)) {
            WebDriver d = contributor.driver;
            signIn(d, "cora", CONTRIBUTOR_PASSWORD);
            d.findElement(By.linkText("Night Buses Return to the Old Town")).click();
            assertThat(d.findElement(By.cssSelector(".review-note")).getText())
                    .isEqualTo("Which company runs route 9?");
            d.findElement(By.id("body")).sendKeys(" Route 9 is run by Valley Coaches.");
            d.findElement(By.id("publish-review")).click();
            d.findElement(By.cssSelector("button[name=action][value=save]")).click();
            waitFor(d, "saved=1");
        }

        try (Browser editor = new Browser(1280, 900)) {
            WebDriver d = editor.driver;
            signIn(d, "admin", ADMIN_PASSWORD);
            assertThat(d.findElement(By.cssSelector("[aria-labelledby=review-heading]"))
                            .getText())
                    .contains("Night Buses Return to the Old Town");
            d.get(storyUrl);
            d.findElement(By.id("publish-now")).click();
            d.findElement(By.cssSelector("button[name=action][value=save]")).click();
            waitFor(d, "saved=1");
        }

        try (Browser reader = new Browser(390, 844)) {
            WebDriver d = reader.driver;
            d.get(base + "/");
            assertThat(d.findElement(By.cssSelector(".lead-headline a")).getText())
                    .isEqualTo("Night Buses Return to the Old Town");
            d.get(base + "/articles/night-buses-return-to-the-old-town");
            assertThat(d.findElement(By.tagName("article")).getText()).contains("Valley Coaches");
        }
    }

    /** Presses Tab until the element with this id (or, for a button, this value) has the focus. */
    private static WebElement tabTo(WebDriver d, String idOrValue) {
        return press(d, idOrValue, Keys.TAB);
    }

    /**
     * Presses {@code keys} (at most 80 times) until the element with this id (or, for a button, this value) has the
     * focus. The keys go to the page as a keyboard would send them, not into an element.
     */
    private static WebElement press(WebDriver d, String idOrValue, CharSequence keys) {
        for (int i = 0; i < 80; i++) {
            WebElement active = d.switchTo().activeElement();
            if (idOrValue.equals(active.getAttribute("id"))
                    || ("button".equals(active.getTagName()) && idOrValue.equals(active.getAttribute("value")))) {
                return active;
            }
            new Actions(d).sendKeys(keys).perform();
        }
        throw new AssertionError("The keyboard never reached " + idOrValue + " on " + d.getCurrentUrl());
    }

    private static void signIn(WebDriver d, String username, String password) {
        d.get(base + "/admin/login");
        d.findElement(By.id("username")).sendKeys(username);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(d, "/admin");
        new WebDriverWait(d, Duration.ofSeconds(15))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/admin/login")));
    }

    private static void waitFor(WebDriver d, String urlPart) {
        try {
            new WebDriverWait(d, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains(urlPart));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("never reached " + urlPart + "; the page says: "
                    + d.findElement(By.tagName("body")).getText());
        }
    }
}
