package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import news.gazette.App;
import news.gazette.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

@Tag("browser")
class ReaderJourneyTest {

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
    void reader_opens_the_front_page_follows_the_launch_story_and_sees_its_illustration() throws Exception {
        assertThat(Browser.isInstalled())
                .as("Debian chromium and chromium-driver are installed")
                .isTrue();
        try (Browser browser = new Browser(1280, 900)) {
            var driver = browser.driver;
            driver.get(base + "/");
            assertThat(driver.getTitle()).contains("The Gazette");

            driver.findElement(By.cssSelector(".lead-headline a")).click();

            assertThat(driver.getCurrentUrl()).endsWith("/articles/anthropic-cuts-off-openai-from-claude-access");
            assertThat(driver.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Anthropic Cuts Off OpenAI from Claude Access in Surprise Move");
            WebElement image = driver.findElement(By.cssSelector("figure.article-figure img"));
            Object loadedWidth = driver.executeScript("return arguments[0].naturalWidth;", image);
            assertThat(((Number) loadedWidth).intValue())
                    .as("the illustration loaded")
                    .isGreaterThan(0);
            assertThat(image.getAttribute("alt")).isNotBlank();
            assertThat(driver.findElements(By.cssSelector(".article-body ol li")))
                    .hasSize(3);
        }
    }

    @Test
    void article_fits_a_phone_screen_without_sideways_scrolling() throws Exception {
        try (Browser browser = new Browser(390, 844)) {
            var driver = browser.driver;
            driver.get(base + "/articles/anthropic-cuts-off-openai-from-claude-access");
            Number scrollWidth = (Number) driver.executeScript("return document.documentElement.scrollWidth;");
            Number clientWidth = (Number) driver.executeScript("return document.documentElement.clientWidth;");
            assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(clientWidth.intValue());
        }
    }
}
