package dev.pao.it.portal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromedriver}) on a portal: waits,
 * screenshots and the accessibility scan. Tests skip, loudly, where Chromium is not installed.
 */
public final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/portal-screenshots");
  public static final String SKIPPED =
      "BROWSER TESTS SKIPPED: /usr/bin/chromium and /usr/bin/chromedriver are needed"
          + " (apt-get install -y chromium chromium-driver); .ci/run installs them.";

  private final ChromeDriver driver;
  private final Path profile;
  private final String baseUrl;

  /** Whether this machine can run the browser tests; says so loudly when it cannot. */
  public static boolean available() {
    boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!available) {
      System.err.println("\n*** " + SKIPPED + " ***\n");
    }
    return available;
  }

  public Browser(String baseUrl) {
    this.baseUrl = baseUrl;
    try {
      profile = Files.createTempDirectory("pao-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  public ChromeDriver driver() {
    return driver;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** Opens a portal route ({@code #/items/x}) and waits until the portal has drawn it. */
  public void open(String route) {
    driver.get(baseUrl + "/" + route);
    awaitReady();
  }

  void awaitReady() {
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> "true".equals(script("return document.documentElement.dataset.ready")));
  }

  public Object script(String code, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(code, args);
  }

  public WebElement find(By by) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> driver.findElement(by), WebElement::isDisplayed);
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  /** Waits until the element's text contains {@code text}; answers the element. */
  public WebElement awaitText(By by, String text, Duration within) {
    return await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(() -> driver.findElement(by), element -> element.getText().contains(text));
  }

  public WebElement awaitText(By by, String text) {
    return awaitText(by, text, Duration.ofSeconds(30));
  }

  /** Waits for the page heading, which every page has and focuses. */
  public void awaitHeading(String text) {
    awaitText(By.cssSelector("main h1"), text);
  }

  /** Saves a screenshot as {@code target/portal-screenshots/<name>.png}. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Screenshot plus an axe-core scan: no serious or critical violation may be on the page. */
  public void check(String name) {
    screenshot(name);
    Results results = new AxeBuilder().analyze(driver);
    List<Rule> bad =
        results.getViolations().stream()
            .filter(
                rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
            .toList();
    assertTrue(
        bad.isEmpty(),
        () ->
            "accessibility violations on "
                + name
                + ": "
                + bad.stream()
                    .map(
                        rule ->
                            rule.getId()
                                + " ("
                                + rule.getImpact()
                                + ") "
                                + rule.getNodes().stream()
                                    .map(node -> String.valueOf(node.getTarget()))
                                    .collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("; ")));
  }

  /** Resizes the window (e.g. to a 360 px phone). */
  public void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Forgets the signed-in user (the token lives in this tab's session storage). */
  public void forgetSession() {
    driver.get(baseUrl + "/");
    script("sessionStorage.clear()");
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary profile is harmless.
    }
  }
}
