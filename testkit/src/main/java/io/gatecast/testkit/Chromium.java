package io.gatecast.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium for the tests, driven by Debian's chromedriver: skipped with a message when it
 * is not installed, unless {@code GATECAST_REQUIRE_CHROMIUM=true} (set by {@code .ci/run}) turns
 * that into a failure.
 */
public final class Chromium {
  public static final String BINARY = "/usr/bin/chromium";
  public static final String DRIVER = "/usr/bin/chromedriver";
  /** Flags that make Chromium run headless as root in a container, quietly and reproducibly. */
  public static final List<String> BASE_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--disable-dev-shm-usage");
  /** The base flags plus what a kiosk's full-HD screen page wants: no scrollbars, sound without a click. */
  public static final List<String> HEADLESS_FLAGS = concat(BASE_FLAGS, List.of("--hide-scrollbars",
      "--autoplay-policy=no-user-gesture-required", "--window-size=1920,1080"));

  private Chromium() {}

  /**
   * The command line of a kiosk browser as the agent runs it: headless, full screen ({@code --kiosk}) on a
   * panel of {@code width} x {@code height}, DevTools on a port it picks and announces, a fresh profile.
   *
   * @param url the page to open, or {@code {url}} for the agent to fill in
   */
  public static List<String> kioskCommand(int width, int height, Path profileDir, String url) {
    return kioskCommand(width, height, profileDir, url, 0);
  }

  /** {@link #kioskCommand(int, int, Path, String)} with DevTools on {@code devtoolsPort}, for a test that must know it first. */
  public static List<String> kioskCommand(int width, int height, Path profileDir, String url, int devtoolsPort) {
    List<String> headless = HEADLESS_FLAGS.stream().filter(flag -> !flag.startsWith("--window-size=")).toList();
    return concat(concat(List.of(BINARY), headless), List.of("--kiosk", "--screen-info={" + width + "x" + height + "}",
        "--remote-debugging-port=" + devtoolsPort, "--user-data-dir=" + profileDir, url));
  }

  /** Skips (or, with GATECAST_REQUIRE_CHROMIUM=true, fails) the test when Chromium is not installed. */
  public static void requireInstalled() {
    Installed.require(Installed.executable(BINARY, DRIVER), "GATECAST_REQUIRE_CHROMIUM",
        "Chromium is not installed (" + BINARY + ", " + DRIVER + "); install it with"
        + " 'apt-get install -y chromium chromium-driver fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji'; skipping the browser test");
  }

  /** Options with {@code flags} and a fresh profile under {@code profileDir}; add more before {@link #driver(ChromeOptions)}. */
  public static ChromeOptions options(Path profileDir, List<String> flags) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY);
    options.addArguments(flags);
    options.addArguments("--user-data-dir=" + profileDir.toAbsolutePath());
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL")); // for consoleErrors
    return options;
  }

  /** A headless Chromium as a kiosk's screen page sees it (1920x1080), with a fresh profile under {@code profileDir}. */
  public static ChromeDriver driver(Path profileDir) {
    return driver(options(profileDir, HEADLESS_FLAGS));
  }

  public static ChromeDriver driver(ChromeOptions options) {
    requireInstalled();
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  /**
   * What the pages logged as errors since the last call: script errors, and resources a page asked for that did not
   * load (each names its address). A test that is refused on purpose finds its refusals here too.
   */
  public static List<String> consoleErrors(WebDriver driver) {
    return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png} and returns the file. */
  public static Path screenshot(WebDriver driver, String name) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    Path file = dir.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
