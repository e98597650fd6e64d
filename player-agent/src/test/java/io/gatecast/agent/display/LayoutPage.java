package io.gatecast.agent.display;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.testkit.Chromium;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A page in real headless Chromium that loads screen-renderer's files (render.js, layout.js and
 * their style sheets) exactly as shipped in the module's jar, with one {@code #screen} container.
 */
final class LayoutPage implements AutoCloseable {
  final ChromeDriver driver;

  LayoutPage(Path profile, Path site) throws IOException {
    for (String file : List.of("render.js", "screen.css", "layout.js", "layout.css")) {
      try (InputStream in = LayoutPage.class.getResourceAsStream("/io/gatecast/screen/" + file)) {
        assertThat(in).as("screen-renderer resource " + file).isNotNull();
        Files.copy(in, site.resolve(file));
      }
    }
    Files.writeString(site.resolve("layout.html"), "<!doctype html><html><head><meta charset=\"utf-8\">"
        + "<link rel=\"stylesheet\" href=\"screen.css\"><link rel=\"stylesheet\" href=\"layout.css\">"
        + "<script src=\"render.js\"></script><script src=\"layout.js\"></script></head>"
        + "<body><div id=\"screen\"></div></body></html>", StandardCharsets.UTF_8);
    driver = Chromium.driver(profile);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    driver.get(site.resolve("layout.html").toUri().toString());
  }

  /** Sizes the window so that its viewport, not the window, is width x height CSS px. */
  void viewport(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    @SuppressWarnings("unchecked")
    List<Number> inner = (List<Number>) driver.executeScript("return [window.innerWidth, window.innerHeight];");
    driver.manage().window().setSize(new Dimension(
        2 * width - inner.get(0).intValue(), 2 * height - inner.get(1).intValue()));
  }

  /** Keeps what {@code #screen} shows as {@code target/screenshots/layout-<name>.png}. */
  Path screenshot(String name) throws IOException {
    Path file = Path.of("target", "screenshots", "layout-" + name + ".png");
    Files.createDirectories(file.getParent());
    return Files.write(file, driver.findElement(By.id("screen")).getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
