package dev.slipway.examples.rewards.it;

import static dev.slipway.examples.rewards.it.Api.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.junit.DeployedService;
import dev.slipway.junit.SlipwayTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The SPA in a real browser (Debian's headless Chromium driven by Selenium), served the way it is on AWS:
 * {@code @SlipwayTest} deploys the service into the local cloud, this class uploads {@code site/} to the
 * stack's website bucket ({@code SiteBucket}) with a {@code config.js} naming the stage's API, and the
 * browser opens the bucket's website endpoint on the local cloud
 * ({@code http://<bucket>.s3-website.localhost:<port>/}; Chromium resolves {@code *.localhost} to loopback).
 * The page calls the API cross-origin, so CORS is exercised too. Skipped, saying how to install it, when
 * Chromium is missing.
 */
@Tag("browser")
@SlipwayTest(service = ".", stage = RewardsApiTest.STAGE, remove = false)
@EnabledIf(value = "chromiumIsInstalled", disabledReason = "Chromium is not installed (need /usr/bin/chromium and"
        + " /usr/bin/chromedriver); install it with: sudo apt-get install chromium chromium-driver")
class RewardsBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SITE = Path.of("site");
    static final Map<String, String> CONTENT_TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");
    /** An upper bound for the page to react, not a performance expectation: machines are noisy. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** One browser for the class (starting Chromium is the slow part); each test starts from a fresh page. */
    static WebDriver browser;
    static WebDriverWait wait;
    static Path profile;
    static String siteUrl;
    static Api api;

    static boolean chromiumIsInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeAll
    static void publishTheSiteAndOpenTheBrowser(DeployedService app) throws IOException {
        api = new Api(app.apiUrl());
        siteUrl = publishSite(app);
        profile = Files.createTempDirectory("peer-rewards-chromium");
        var options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--no-first-run", "--window-size=1280,1000",
                        "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class); // the page re-renders its lists after every change
    }

    /**
     * Uploads site/ to SiteBucket, as one would for AWS, plus the config.js naming the API (the placeholder in
     * site/ is replaced); answers the bucket's website URL on the local cloud.
     */
    static String publishSite(DeployedService app) throws IOException {
        String bucket = app.physicalId("SiteBucket");
        try (Stream<Path> files = Files.list(SITE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.equals("config.js")) {
                    upload(app, bucket, name, Files.readAllBytes(file));
                }
            }
        }
        String config = "window.API_BASE = " + Api.JSON.writeValueAsString(app.apiUrl()) + ";\n";
        upload(app, bucket, "config.js", config.getBytes(StandardCharsets.UTF_8));
        return app.outputs().get("SiteUrl") + "/"; // the website endpoint on the local cloud's edge port
    }

    static void upload(DeployedService app, String bucket, String key, byte[] content) {
        String extension = key.substring(key.lastIndexOf('.') + 1);
        app.s3().putObject(b -> b.bucket(bucket).key(key)
                        .contentType(CONTENT_TYPES.getOrDefault(extension, "application/octet-stream")),
                RequestBody.fromBytes(content));
    }

    @AfterAll
    static void closeBrowserAndEmptyTheBucket(DeployedService app) throws IOException {
        String bucket = app.physicalId("SiteBucket");
        app.s3().listObjectsV2Paginator(b -> b.bucket(bucket)).contents()
                .forEach(o -> app.s3().deleteObject(b -> b.bucket(bucket).key(o.key())));
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** A fresh page: nobody picked (the page remembers "me" in localStorage), the first load done. */
    @BeforeEach
    void openTheApp() {
        browser.get(siteUrl);
        ((JavascriptExecutor) browser).executeScript("localStorage.clear()");
        browser.navigate().refresh();
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(byTestId("app-error").isDisplayed()).as("the page reached the API").isFalse();
    }

    WebElement byTestId(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    /** Registers {@code username} through the form; the page then uses it as "me". */
    void registerInTheUi(String username) {
        byTestId("register-username").sendKeys(username);
        byTestId("register-submit").click();
        wait.until(ExpectedConditions.textToBePresentInElement(byTestId("whoami"), username));
    }

    void chooseRecipient(String username) {
        wait.until(d -> new Select(byTestId("give-to")).getOptions().stream()
                .anyMatch(option -> username.equals(option.getDomAttribute("value"))));
        new Select(byTestId("give-to")).selectByValue(username);
    }

    /** What a feed item shows, read in one go: the page may replace the element at any moment. */
    record FeedItem(String points, int withdrawButtons) {}

    static Optional<FeedItem> feedItem(WebDriver page, String message) {
        return page.findElements(By.cssSelector("[data-testid='feed-item']")).stream()
                .filter(li -> li.getText().contains(message)).findFirst()
                .map(li -> new FeedItem(li.findElement(By.cssSelector("[data-testid='feed-points']")).getText(),
                        li.findElements(By.cssSelector("[data-testid='withdraw']")).size()));
    }

    @Test
    void givingARewardInTheUi_showsItInTheFeedAndOnTheLeaderboard() {
        String recipient = uniqueUsername("dana");
        assertThat(api.register(recipient).status()).isEqualTo(201);
        String me = uniqueUsername("erin");
        registerInTheUi(me);
        String message = "Browser thanks " + me;

        chooseRecipient(recipient);
        WebElement points = byTestId("give-points");
        points.clear();
        points.sendKeys("7");
        byTestId("give-message").sendKeys(message);
        byTestId("give-submit").click();

        wait.until(ExpectedConditions.textToBePresentInElement(byTestId("give-status"), "Sent 7 points"));
        FeedItem item = wait.until(d -> feedItem(d, message).orElse(null));
        assertThat(item.points()).isEqualTo("+7");
        assertThat(item.withdrawButtons()).as("my reward can be withdrawn").isEqualTo(1);
        By entry = By.cssSelector("[data-testid='leaderboard-item'][data-username='" + recipient + "']");
        String entryText = wait.until(d -> d.findElements(entry).stream().map(WebElement::getText).findFirst().orElse(null));
        assertThat(entryText).contains("7 points");
        assertThat(byTestId("give-error").isDisplayed()).isFalse();
    }

    @Test
    void withdrawingMyRewardWithTheKeyboard_removesItFromTheFeedAndTheLeaderboard() {
        String recipient = uniqueUsername("ivy");
        assertThat(api.register(recipient).status()).isEqualTo(201);
        registerInTheUi(uniqueUsername("jon"));
        chooseRecipient(recipient);
        byTestId("give-message").sendKeys("Too hasty");
        byTestId("give-submit").sendKeys(Keys.ENTER); // the keyboard, no mouse
        By mine = By.cssSelector("[data-testid='leaderboard-item'][data-username='" + recipient + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(mine));
        wait.until(d -> {
            d.findElements(By.cssSelector("[data-testid='feed-item']")).stream()
                    .filter(li -> li.getText().contains("Too hasty")).findFirst().orElseThrow(() -> new NoSuchElementException("no feed item \"Too hasty\" yet"))
                    .findElement(By.cssSelector("[data-testid='withdraw']")).sendKeys(Keys.ENTER);
            return true;
        });

        wait.until(ExpectedConditions.invisibilityOfElementLocated(mine));
        assertThat(byTestId("feed-list").getText()).doesNotContain("Too hasty");
        assertThat(api.get("/rewards?to=" + recipient).json().get("items")).isEmpty();
    }

    @Test
    void anInvalidReward_showsTheErrorAndSendsNothing() {
        String recipient = uniqueUsername("fay");
        assertThat(api.register(recipient).status()).isEqualTo(201);
        registerInTheUi(uniqueUsername("gus"));

        chooseRecipient(recipient);
        WebElement points = byTestId("give-points");
        points.clear();
        points.sendKeys("500");
        byTestId("give-submit").click();

        WebElement error = wait.until(ExpectedConditions.visibilityOf(byTestId("give-error")));
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(error.getText()).contains("points must be between 1 and 100").contains("message is required");
        assertThat(points.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(api.get("/rewards?to=" + recipient).json().get("items")).isEmpty();
    }

    @Test
    void aServerSideError_isShownToo() {
        String taken = uniqueUsername("hal");
        assertThat(api.register(taken).status()).isEqualTo(201);

        byTestId("register-username").sendKeys(taken); // valid for the page, refused by the server
        byTestId("register-submit").click();

        WebElement error = wait.until(ExpectedConditions.visibilityOf(byTestId("register-error")));
        assertThat(error.getText()).isEqualTo("username " + taken + " is already taken");
    }
}
