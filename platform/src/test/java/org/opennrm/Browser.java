package org.opennrm;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at a browser: Debian's Chromium, headless, driven through its own ChromeDriver (no driver
 * download). Clicks and types like a person would, and keeps screenshots in target/screenshots.
 */
public final class Browser implements AutoCloseable {

    /** Authenticator keys enrolled in this test run, by platform address and user name. */
    private static final java.util.Map<String, String> ENROLLED = new java.util.concurrent.ConcurrentHashMap<>();
    // the last time step whose code was typed for each authenticator key: the platform accepts a step once only
    private static final java.util.Map<String, Long> LAST_STEP = new java.util.HashMap<>();

    private final WebDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** A desktop-sized window. */
    public static Browser open(int port) {
        return open(port, 1280, 900);
    }

    /** A phone-sized window, as a referrer in the field would have. */
    public static Browser phone(int port) {
        return open(port, 390, 844);
    }

    private static Browser open(int port, int width, int height) {
        var options = new ChromeOptions();
        options.setBinary(System.getProperty("opennrm.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=en",
                "--window-size=" + width + "," + height);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("opennrm.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort()
                .build();
        var driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return new Browser(driver, "http://localhost:" + port);
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public Browser type(String name, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name(name)));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser select(String name, String visibleText) {
        new Select(driver.findElement(By.name(name))).selectByVisibleText(visibleText);
        return this;
    }

    public Browser selectValue(String name, String value) {
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.name(name)))).selectByValue(value);
        return this;
    }

    /** Sets a date field the way a date picker would, independent of the browser's date format. */
    public Browser date(String name, java.time.LocalDate date) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.name(name)));
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].value = arguments[1];", field, date.toString());
        return this;
    }

    public Browser check(String name, String value) {
        WebElement box = driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        if (!box.isSelected()) {
            jsClick(box);
        }
        return this;
    }

    /** Ticks a radio button or checkbox by id, also when it is styled as a large label (input hidden). */
    public Browser tick(String id) {
        WebElement box = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        if (!box.isSelected()) {
            jsClick(box);
        }
        return this;
    }

    private void jsClick(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }

    /**
     * Clicks the element once it is clickable. When it never becomes so, the page the browser shows instead is
     * kept (screenshot and HTML under {@code target/screenshots/failed-*}) and named in the error: an error page or a
     * page left too early is then visible after the run, not only "element not found".
     */
    public Browser click(By by) {
        openMenuIfFolded(by);
        try {
            wait.until(ExpectedConditions.elementToBeClickable(by)).click();
        } catch (org.openqa.selenium.TimeoutException e) {
            String name = "failed-" + System.currentTimeMillis();
            try {
                screenshot(name);
                Files.writeString(Path.of("target", "screenshots", name + ".html"), driver.getPageSource());
            } catch (RuntimeException | IOException keepingFailed) {
                e.addSuppressed(keepingFailed);
            }
            throw new org.openqa.selenium.TimeoutException(
                    "No clickable " + by + " on " + path() + " (\"" + driver.getTitle() + "\"); page kept as " + name,
                    e);
        }
        return this;
    }

    /**
     * On a phone the menu and the sign-out form are folded behind the "Menu" control (ui/frame.html): a person
     * opens it before they can tap a link in it, and so does this.
     */
    private void openMenuIfFolded(By by) {
        var found = driver.findElements(by);
        try {
            if (found.isEmpty() || found.getFirst().isDisplayed()) {
                return;
            }
        } catch (StaleElementReferenceException pageChangedMeanwhile) {
            // The page was replaced between finding and asking: the wait in click() finds the new element.
            return;
        }
        var toggle = driver.findElements(By.id("menu-toggle"));
        if (!toggle.isEmpty() && !toggle.getFirst().isSelected()) {
            driver.findElement(By.cssSelector("label.menu-button")).click();
        }
    }

    /**
     * Clicks a button that submits a form and waits until the browser has replaced the page: a flash message or
     * element of the old page then cannot be mistaken for the answer.
     */
    public Browser submit(String id) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        clickId(id);
        wait.until(driver -> replaced(oldPage));
        return this;
    }

    /**
     * Whether the page an element belonged to is gone. Chrome answers for a node of a replaced page either "stale
     * element" or, while the new page is being built, "node does not belong to the document": both mean replaced.
     */
    private static boolean replaced(WebElement ofOldPage) {
        try {
            ofOldPage.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException maybeGone) {
            if (String.valueOf(maybeGone.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw maybeGone;
        }
    }

    /** Waits until no element matches, for example a notice the last action removed. */
    public Browser waitForGone(By by) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(by));
        return this;
    }

    public Browser clickId(String id) {
        return click(By.id(id));
    }

    public Browser clickLink(String text) {
        return click(By.linkText(text));
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * The text of the element once visible. Looked up again if the page changed in between: after a click that
     * posts a form, the element can be found on the page being left and be gone by the time its text is read.
     */
    public String textOf(By by) {
        return wait.ignoring(StaleElementReferenceException.class).until(d -> {
            var element = d.findElement(by);
            return element.isDisplayed() ? element.getText() : null;
        });
    }

    public String heading() {
        return textOf(By.tagName("h1"));
    }

    public String path() {
        return driver.getCurrentUrl().replace(baseUrl, "");
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser waitForPath(String prefix) {
        wait.until(d -> path().startsWith(prefix));
        return this;
    }

    /** Waits until the page shows an element that matches: a form posted by a click may still be on its way. */
    public Browser waitFor(By by) {
        wait.until(ExpectedConditions.presenceOfElementLocated(by));
        return this;
    }

    public Browser waitForText(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
        return this;
    }

    public Browser screenshot(String name) {
        try {
            Path folder = Path.of("target", "screenshots");
            Files.createDirectories(folder);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(folder.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Signs in with password and second factor. The first time, enrols an authenticator: reads the key
     * shown on the page as a person would type it into their app, and answers with the app's code.
     * Returns the secret so that a later sign-in can compute codes again.
     */
    public String signIn(String username, String password, String knownSecret) {
        go("/login").type("username", username).type("password", password).clickId("sign-in");
        wait.until(d -> !path().startsWith("/login"));
        return secondFactor(username, knownSecret);
    }

    /**
     * The second step of signing in, whichever way the first was taken (password or an identity provider): enrols an
     * authenticator the first time, else answers with the app's code; nothing when the platform asks for none.
     */
    public String secondFactor(String username, String knownSecret) {
        // browser test classes share one application (and its accounts): remember every enrolled key
        // keyed by the platform too: test classes with a context (and database) of their own enrol the same user names
        String enrolledAs = baseUrl + " " + username;
        String secret = knownSecret != null ? knownSecret : ENROLLED.get(enrolledAs);
        if (path().startsWith("/sign-in/second-factor/enrol")) {
            secret = textOf(By.id("secret"));
            type("code", unusedCode(secret)).clickId("confirm");
            waitForText("Recovery codes").clickId("continue");
            ENROLLED.put(enrolledAs, secret);
        } else if (path().startsWith("/sign-in/second-factor")) {
            if (secret == null) {
                screenshot("sign-in-" + username + "-unexpected-second-factor");
                throw new IllegalStateException(username + " has a second factor already, but no key was given");
            }
            type("code", unusedCode(secret)).clickId("verify");
        }
        wait.until(d -> !path().startsWith("/sign-in"));
        return secret;
    }

    /**
     * A code of the authenticator that the platform has not accepted yet: it accepts each 30-second step's code once
     * (a replay is refused), and in the test profile up to {@link #STEPS_AHEAD} steps ahead. Signing in again within
     * the same step takes the next step's code; beyond that, waits for the next step.
     */
    /** {@code opennrm.security.totp-steps-ahead} of application-test.yml. */
    static final int STEPS_AHEAD = 20;

    private static String unusedCode(String secret) {
        synchronized (LAST_STEP) {
            long now = Instant.now().getEpochSecond() / 30;
            long step = Math.max(now, LAST_STEP.getOrDefault(secret, Long.MIN_VALUE) + 1);
            while (step > Instant.now().getEpochSecond() / 30 + STEPS_AHEAD) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            LAST_STEP.put(secret, step);
            return totp(secret, Instant.ofEpochSecond(step * 30));
        }
    }

    public static String totp(String base32Secret, Instant at) {
        try {
            var generator = new TimeBasedOneTimePasswordGenerator();
            var key = new SecretKeySpec(new Base32().decode(base32Secret), generator.getAlgorithm());
            return generator.generateOneTimePasswordString(key, at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
