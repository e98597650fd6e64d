package io.gatecast.agent;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium for the tests: skipped with a message when it is not installed, unless
 * {@code GATECAST_REQUIRE_CHROMIUM=true} (set by {@code .ci/run}) turns that into a failure.
 */
public final class Chromium {
  public static final String BINARY = "/usr/bin/chromium";
  public static final String DRIVER = "/usr/bin/chromedriver";
  /** Flags that make Chromium run headless as root in a container, quietly and reproducibly. */
  public static final List<String> HEADLESS_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--autoplay-policy=no-user-gesture-required",
      "--window-size=1920,1080");

  private Chromium() {}

  /** Skips (or, with GATECAST_REQUIRE_CHROMIUM=true, fails) the test when Chromium is not installed. */
  public static void requireInstalled() {
    boolean present = new File(BINARY).canExecute() && new File(DRIVER).canExecute();
    if (present) {
      return;
    }
    String message = "Chromium is not installed (" + BINARY + ", " + DRIVER + "); install it with"
        + " 'apt-get install -y chromium chromium-driver fonts-noto-core fonts-noto-cjk'";
    if ("true".equalsIgnoreCase(System.getenv("GATECAST_REQUIRE_CHROMIUM"))) {
      Assertions.fail(message + " (GATECAST_REQUIRE_CHROMIUM=true)");
    }
    Assumptions.abort(message + "; skipping the browser test");
  }

  /** A headless Chromium driven by Debian's chromedriver, with a fresh profile under {@code profileDir}. */
  public static ChromeDriver driver(Path profileDir) {
    requireInstalled();
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY);
    options.addArguments(HEADLESS_FLAGS);
    options.addArguments("--user-data-dir=" + profileDir.toAbsolutePath());
    return new ChromeDriver(service, options);
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png} and returns the file. */
  public static Path screenshot(WebDriver driver, String name) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    Path file = dir.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }
}
