package vn.dti.framework;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Debian's headless Chromium, driven through its own chromedriver, for the page tests. Nothing is downloaded: the
 * browser and its driver are the machine's ({@code .ci/run} installs them). A page test class declares
 * {@code @RegisterExtension static final Browser browser = Browser.perClass();}: a fresh browser against the test's
 * running application for its tests, closed after them.
 */
public final class Browser implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int WIDE = 1280;
    private static final int NARROW = 360;

    /** The innermost elements that reach past the page's right edge, to say why a page scrolls sideways. */
    private static final String WIDER = """
            const edge = document.documentElement.clientWidth;
            return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > edge + 1)
                .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > edge + 1))
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.')
                    + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')
                .join(', ');
            """;

    private WebDriver driver;
    private String baseUrl;

    private Browser() {
    }

    /** Opened before the test class's tests, against its application's port, and closed after them. */
    public static Browser perClass() {
        return new Browser();
    }

    /** A fresh browser (no cookies) at 1280 px against the application on this port. */
    public static Browser open(int port) {
        Browser browser = new Browser();
        browser.start(port);
        return browser;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port", Integer.class));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void start(int port) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("DTI_CHROMIUM", "/usr/bin/chromium"));
        // As root no sandbox can be set up; the background services would knock on closed network doors.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=vi-VN", "--window-size=" + WIDE + ",900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("DTI_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        baseUrl = "http://localhost:" + port;
    }

    private static String executable(String variable, String fallback) {
        String path = System.getenv().getOrDefault(variable, fallback);
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException(path + " is missing: install Debian's chromium and chromium-driver "
                    + "(.ci/run does), or point " + variable + " at them");
        }
        return path;
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /** Signs in on the sign-in page, from a fresh session. */
    public Browser signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        go("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitUntil(d -> !path().startsWith("/login") || !d.findElements(By.cssSelector(".error")).isEmpty());
        return this;
    }

    /** The first element the selector finds once it is shown; an element of the page being left is looked up again. */
    public WebElement find(String css) {
        return waitUntil(d -> {
            var found = d.findElements(By.cssSelector(css));
            try {
                return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
            } catch (WebDriverException leftBehind) {
                return null;
            }
        });
    }

    public String text(String css) {
        return waitUntil(d -> find(css).getText());
    }

    /** A field of the task page's rendered form, by its form-js component id (the first row's, in a list). */
    public WebElement formField(String componentId) {
        return find("#form [id$='-" + componentId + "']");
    }

    public void typeInForm(String componentId, String text) {
        formField(componentId).sendKeys(text);
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * The text of the element with this id, which may be empty (and so not displayed); empty too while the page in the
     * window has no such element, as when a click is loading the next page.
     */
    public String content(String id) {
        return (String) script("const element = document.getElementById(arguments[0]);"
                + " return element === null ? '' : element.textContent", id);
    }

    public <T> T waitUntil(ExpectedCondition<T> condition) {
        // After a click that loads the next page, what was found on the previous one goes stale: look again.
        return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /**
     * Clicks a form's button and waits until the page it leads to has loaded. The page left is gone when ChromeDriver
     * says so of its root, either as a stale element or, while the next page is being attached, as "node does not
     * belong to the document".
     */
    public void submitAndWait(String button) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(button).click();
        waitUntil(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        waitUntil(d -> "complete".equals(script("return document.readyState")));
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /**
     * Saves the page as it stands at 1280 px and at 360 px into {@code target/screenshots/<name>-1280.png} and
     * {@code -360.png}, the whole page's height, and answers whether the narrow one needed a horizontal scroll bar.
     */
    public boolean screenshots(String name) {
        boolean scrollsSideways = false;
        for (int width : new int[] {WIDE, NARROW}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            // The window's size includes the browser's frame: add it, or the page's foot is cut off.
            long height = ((Number) script("return Math.max(document.documentElement.scrollHeight, 900)"
                    + " + window.outerHeight - window.innerHeight")).longValue();
            driver.manage().window().setSize(new Dimension(width, (int) Math.min(height, 8000)));
            if (width == NARROW) {
                scrollsSideways = (Boolean) script(
                        "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
                if (scrollsSideways) {
                    System.err.println(name + " scrolls sideways at " + width + " px, because of: " + script(WIDER));
                }
            }
            save(name + "-" + width + ".png");
        }
        driver.manage().window().setSize(new Dimension(WIDE, 900));
        return scrollsSideways;
    }

    private void save(String file) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.move(shot.toPath(), SCREENSHOTS.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
