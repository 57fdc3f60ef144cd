package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import news.gazette.App;
import news.gazette.Config;
import news.gazette.websub.TestSubscriber;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An editor starts live coverage on the launch story, posts three entries and pins the first; a reader's page open
 * in a second browser shows them without reloading, pinned one on top and the rest newest first; the story's
 * JSON-LD and feed carry them, and a WebSub subscriber to the story's feed receives each entry, signed.
 */
@Tag("browser")
class LiveJourneyTest {

    private static final String PASSWORD = "a newsroom password for the browser";
    /** The test configuration's public address; feeds and topics are named under it. */
    private static final String PUBLIC = Config.forTest().baseUrl();

    private static final String ARTICLE = "/articles/anthropic-cuts-off-openai-from-claude-access";
    private static final String[] ENTRIES = {
        "OpenAI engineers report their API keys stopped working at midnight.",
        "Anthropic confirms the cut-off and says it follows a breach of its terms.",
        "OpenAI has not yet responded to a request for comment.",
    };
    private static Javalin app;
    private static String base;

    @BeforeAll
    static void start() {
        // The subscriber listens on loopback, which the hub refuses unless told.
        app = App.create(Config.forTest().withAdminPassword(PASSWORD).withWebSubPrivateCallbacks(true))
                .start(0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void a_reader_sees_the_entries_arrive_without_reloading_pinned_first_then_newest() throws Exception {
        try (Browser editor = new Browser(1280, 900);
                Browser reader = new Browser(390, 844);
                TestSubscriber subscriber = TestSubscriber.start()) {
            WebDriver d = editor.driver;
            d.get(base + "/admin/login");
            d.findElement(By.id("username")).sendKeys("admin");
            d.findElement(By.id("password")).sendKeys(PASSWORD);
            d.findElement(By.cssSelector("form button[type=submit]")).click();
            wait(d, ExpectedConditions.not(ExpectedConditions.urlContains("/admin/login")));
            d.get(base + "/admin/stories");
            d.findElement(By.partialLinkText("Anthropic")).click();
            d.findElement(By.linkText("Live coverage")).click();
            d.findElement(By.xpath("//button[text()='Start live coverage']")).click();
            wait(d, ExpectedConditions.urlContains("saved=1"));

            // An aggregator follows the story's own feed through Gazette's hub (the topic is under the public address).
            subscriber.subscribe(base + "/websub", PUBLIC + ARTICLE + "/feed.xml", "a subscriber's secret");

            WebDriver r = reader.driver;
            r.get(base + ARTICLE);
            wait(r, ExpectedConditions.presenceOfElementLocated(By.id("live")));
            assertThat(r.findElement(By.cssSelector(".kicker-live")).getText()).isEqualToIgnoringCase("Live");
            assertThat(r.findElements(By.cssSelector("#live .live-entry"))).isEmpty();
            // Set on this page only: if the page reloaded, it is gone.
            ((JavascriptExecutor) r).executeScript("window.gazetteNoReload = 'kept';");

            long lastPosted = 0;
            List<Long> toSubscriberMs = new ArrayList<>();
            for (String entry : ENTRIES) {
                // The desk's plain address first: after a post it says posted=, which the wait below looks for.
                d.get(d.getCurrentUrl().replaceAll("[?#].*", ""));
                d.findElement(By.id("body")).sendKeys(entry);
                Instant clicked = Instant.now();
                d.findElement(By.xpath("//button[text()='Post entry']")).click();
                wait(d, ExpectedConditions.urlContains("posted="));
                assertThat(d.findElement(By.cssSelector(".notice-ok")).getText())
                        .startsWith("Posted");
                lastPosted = System.nanoTime();
                TestSubscriber.Delivery delivery =
                        subscriber.awaitDelivery(got -> got.text().contains(entry), Duration.ofSeconds(5));
                assertThat(delivery.signatureValid()).isTrue();
                assertThat(delivery.topic()).isEqualTo(PUBLIC + ARTICLE + "/feed.xml");
                toSubscriberMs.add(Duration.between(clicked, delivery.at()).toMillis());
            }
            // The first entry, pinned from the desk's list (the oldest is last there).
            List<WebElement> pinButtons =
                    d.findElements(By.xpath("//button[starts-with(normalize-space(.), 'Pin on top')]"));
            // The address says posted= here, so saved=1 is only in the next page's.
            pinButtons.get(pinButtons.size() - 1).click();
            wait(d, ExpectedConditions.urlContains("saved=1"));
            long pinnedAt = System.nanoTime();

            new WebDriverWait(r, Duration.ofSeconds(40)).until(driver -> {
                List<WebElement> shown = driver.findElements(By.cssSelector("#live .live-entry"));
                return shown.size() == 3 && shown.get(0).getAttribute("class").contains("live-entry-pinned");
            });
            long seenAt = System.nanoTime();
            System.out.printf(
                    "live journey: last entry posted -> on the reader's page %d ms, pin -> %d ms;"
                            + " entry posted -> WebSub subscriber %s ms%n",
                    (seenAt - lastPosted) / 1_000_000, (seenAt - pinnedAt) / 1_000_000, toSubscriberMs);
            assertThat(toSubscriberMs).allMatch(ms -> ms < 1_000);
            assertThat(((JavascriptExecutor) r).executeScript("return window.gazetteNoReload;"))
                    .isEqualTo("kept");
            List<String> order = r.findElements(By.cssSelector("#live .live-entry-body")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(order).containsExactly(ENTRIES[0], ENTRIES[2], ENTRIES[1]);
            assertThat(r.findElement(By.cssSelector("#live .live-entry .live-pin"))
                            .getText())
                    .isEqualToIgnoringCase("Pinned");
            assertThat(r.findElement(By.cssSelector("[data-live-status]")).getAttribute("textContent"))
                    .contains("new update");

            // What search engines and feed readers get: the same entries, newest first.
            HttpClient http = HttpClient.newHttpClient();
            String html = get(http, base + ARTICLE);
            JsonNode ld = new ObjectMapper()
                    .readTree(Jsoup.parse(html)
                            .selectFirst("script[type=application/ld+json]")
                            .data());
            assertThat(ld.get("@type").toString()).contains("LiveBlogPosting");
            assertThat(ld.get("liveBlogUpdate").findValuesAsText("articleBody"))
                    .containsExactly(ENTRIES[2], ENTRIES[1], ENTRIES[0]);
            String feed = get(http, base + ARTICLE + "/feed.xml");
            assertThat(feed).contains(ENTRIES[0]).contains(ENTRIES[1]).contains(ENTRIES[2]);
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static void wait(WebDriver d, org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(d, Duration.ofSeconds(10)).until(condition);
    }
}
