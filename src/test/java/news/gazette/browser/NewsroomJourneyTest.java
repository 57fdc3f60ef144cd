package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import news.gazette.App;
import news.gazette.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

@Tag("browser")
class NewsroomJourneyTest {

    private static final String PASSWORD = "a newsroom password for the browser";
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
    void editor_signs_in_writes_a_story_with_an_image_publishes_it_and_a_reader_sees_it_on_the_front_page()
            throws Exception {
        Path picture = Files.createTempFile("gazette-journey-", ".png");
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2a6f4e));
        g.fillRect(0, 0, 1200, 800);
        g.dispose();
        ImageIO.write(image, "png", picture.toFile());
        try (Browser editor = new Browser(1280, 900)) {
            var driver = editor.driver;
            driver.get(base + "/admin/stories/new");
            assertThat(driver.getCurrentUrl()).contains("/admin/login");
            driver.findElement(By.id("username")).sendKeys("admin");
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(ExpectedConditions.urlContains("/admin/stories/new"));

            driver.findElement(By.id("headline")).sendKeys("Park Reopens After Flood Repairs");
            driver.findElement(By.id("summary")).sendKeys("The riverside park is open again.");
            driver.findElement(By.id("body")).sendKeys("## Open again\n\nThe gates opened at **nine**.");
            driver.findElement(By.id("tags")).sendKeys("Parks, Local");
            driver.findElement(By.id("author")).sendKeys("Maya Field");
            driver.findElement(By.id("image")).sendKeys(picture.toString());
            driver.findElement(By.id("image_alt")).sendKeys("The reopened park gates");
            driver.findElement(By.id("image_caption")).sendKeys("The gates at nine.");
            driver.findElement(By.id("notes")).sendKeys("Photo by the desk; no credit needed.");
            driver.findElement(By.id("publish-now")).click();
            driver.findElement(By.cssSelector("button[name=action][value=save]"))
                    .click();

            try {
                new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("saved=1"));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("the story was not saved; the page says: "
                        + driver.findElement(By.tagName("main")).getText());
            }
            assertThat(driver.findElement(By.cssSelector(".notice-ok")).getText())
                    .startsWith("Saved");
        } finally {
            Files.deleteIfExists(picture);
        }
        try (Browser reader = new Browser(1280, 900)) {
            var driver = reader.driver;
            driver.get(base + "/");
            WebElement lead = driver.findElement(By.cssSelector(".lead-headline a"));
            assertThat(lead.getText()).isEqualTo("Park Reopens After Flood Repairs");
            lead.click();
            assertThat(driver.getCurrentUrl()).endsWith("/articles/park-reopens-after-flood-repairs");
            WebElement img = driver.findElement(By.cssSelector("figure.article-figure img"));
            Number width = (Number) driver.executeScript("return arguments[0].naturalWidth;", img);
            assertThat(width.intValue()).isGreaterThan(0);
            assertThat(img.getAttribute("alt")).isEqualTo("The reopened park gates");
            assertThat(driver.getPageSource()).doesNotContain("no credit needed");
        }
    }
}
