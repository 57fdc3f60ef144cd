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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

@Tag("browser")
class DiscoveryJourneyTest {

    private static Javalin app;
    private static String base;

    @BeforeAll
    static void start() {
        app = App.create(Config.forTest()).start(0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void reader_searches_from_the_masthead_and_follows_the_result_to_the_article() throws Exception {
        assertThat(Browser.isInstalled())
                .as("Debian chromium and chromium-driver are installed")
                .isTrue();
        try (Browser browser = new Browser(1280, 900)) {
            var driver = browser.driver;
            driver.get(base + "/tags/ai");
            WebElement box = driver.findElement(By.cssSelector("header.masthead input[name=q]"));
            box.sendKeys("benchmarking", Keys.ENTER);

            // Enter submits the form; the driver does not wait for the navigation it starts.
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/search"));
            assertThat(driver.getCurrentUrl()).endsWith("/search?q=benchmarking");
            assertThat(driver.findElement(By.cssSelector(".search-snippet mark"))
                            .getText())
                    .isEqualTo("benchmarking");
            driver.findElement(By.cssSelector(".search-result h2 a")).click();
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/articles/"));

            assertThat(driver.getCurrentUrl()).endsWith("/articles/anthropic-cuts-off-openai-from-claude-access");
            assertThat(driver.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Anthropic Cuts Off OpenAI from Claude Access in Surprise Move");
        }
    }

    @Test
    void search_results_fit_a_phone_screen() throws Exception {
        try (Browser browser = new Browser(390, 844)) {
            var driver = browser.driver;
            driver.get(base + "/search?q=claude+openai");
            assertThat(driver.findElements(By.cssSelector(".search-result"))).hasSize(1);
            Number scrollWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth;");
            Number clientWidth = (Number) driver.executeScript("return document.documentElement.clientWidth;");
            assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(clientWidth.intValue());
        }
    }

    @Test
    void the_rss_feed_opens_in_the_browser_and_lists_the_launch_story() throws Exception {
        try (Browser browser = new Browser(1280, 900)) {
            var driver = browser.driver;
            driver.get(base + "/feed.xml");
            // Chromium shows a feed as its XML text.
            assertThat(driver.findElement(By.tagName("body")).getText())
                    .contains("Anthropic Cuts Off OpenAI from Claude Access in Surprise Move")
                    .contains("<guid isPermaLink=\"false\">tag:127.0.0.1,");
        }
    }
}
