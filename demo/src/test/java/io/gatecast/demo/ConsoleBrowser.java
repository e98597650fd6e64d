package io.gatecast.demo;

import io.gatecast.testkit.Chromium;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in Debian's headless Chromium: sign in, go to a section, wait for what a person
 * would see, save screenshots under {@code target/screenshots/}. Skipped when Chromium is not
 * installed, unless {@code GATECAST_REQUIRE_CHROMIUM=true} (set by {@code .ci/run}) makes that a failure.
 */
final class ConsoleBrowser implements AutoCloseable {
  /** The console on a desktop-sized window. */
  private static final List<String> DESKTOP_FLAGS =
      Stream.concat(Chromium.BASE_FLAGS.stream(), Stream.of("--window-size=1440,1000")).toList();
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  /**
   * How often a wait looks again. Selenium's default is 500 ms, which a story sat out after nearly
   * every click (the page answers in tens of milliseconds): a tenth of a second a look is cheap.
   */
  private static final Duration POLL = Duration.ofMillis(100);

  final ChromeDriver driver;
  final String baseUrl;
  final WebDriverWait wait;
  /** Where files the console downloads (CSV exports) land. */
  final Path downloads;
  /** The console's language, as {@link #startIn} set it: "vi" or "en". */
  private String lang = "vi";

  ConsoleBrowser(int httpPort, Path profileDir) {
    ChromeOptions options = Chromium.options(profileDir, DESKTOP_FLAGS);
    downloads = profileDir.resolveSibling(profileDir.getFileName() + "-downloads");
    options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
        "download.prompt_for_download", false));
    driver = Chromium.driver(options);
    baseUrl = "http://127.0.0.1:" + httpPort;
    // The console redraws live views as events arrive, so an element found by a condition may be
    // replaced before it is read: evaluate the condition again rather than fail the wait.
    wait = new WebDriverWait(driver, DEADLINE, POLL);
    wait.ignoring(StaleElementReferenceException.class);
  }

  /**
   * Opens the console with nobody signed in and the language a user would pick ("vi" or "en"): the
   * first step of every story, which then runs the same in either language.
   */
  void startIn(String language) {
    lang = language;
    driver.get(baseUrl + "/console/");
    driver.executeScript("sessionStorage.clear(); localStorage.setItem('gatecast.lang', arguments[0])", language);
  }

  /** The words the console shows in its language: {@code vi} or {@code en}. */
  String says(String vi, String en) {
    return "en".equals(lang) ? en : vi;
  }

  /** Opens the controller's root (which sends the browser to the console) and signs in. */
  void signIn(String username, String password) {
    driver.get(baseUrl + "/");
    WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
    user.clear();
    user.sendKeys(username);
    driver.findElement(By.name("password")).sendKeys(password);
    click("form button[type=submit]");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("header.top nav")));
  }

  void signOut() {
    click(By.xpath("//header//button[contains(@class,'link-button')][not(@lang)]"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
  }

  /** Clicks a section in the navigation and waits for its heading. */
  void open(String section) {
    click("nav a[data-section='" + section + "']");
    wait.until(ExpectedConditions.attributeToBe(By.cssSelector("nav a[data-section='" + section + "']"),
        "aria-current", "page"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")));
  }

  List<String> sections() {
    return driver.findElements(By.cssSelector("nav a[data-section]")).stream()
        .map(a -> a.getAttribute("data-section")).toList();
  }

  WebElement waitVisible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void waitText(By by, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  /*
   * Reads and actions below find their element and use it in one step of the wait: a live view
   * redrawn between the two (as the board, a screen's page and a rollout are, on every news event)
   * is looked up again instead of failing the story with a stale element.
   */

  /** The text of the element {@code by} names. */
  String textOf(By by) {
    return wait.until(d -> d.findElement(by).getText());
  }

  /** The text of the element {@code by} names, once it is shown. */
  String shownTextOf(By by) {
    return wait.until(d -> {
      WebElement element = ExpectedConditions.visibilityOfElementLocated(by).apply(d);
      return element == null ? null : element.getText();
    });
  }

  /** An attribute of the element {@code by} names, as its HTML says it ("" for one it has without a value). */
  String attributeOf(By by, String name) {
    return wait.until(d -> Objects.requireNonNullElse(d.findElement(by).getAttribute(name), ""));
  }

  /** A live property of the element {@code by} names (a progress bar's value, say), as text. */
  String propertyOf(By by, String name) {
    return wait.until(d -> Objects.requireNonNullElse(d.findElement(by).getDomProperty(name), ""));
  }

  /** Whether the element {@code by} names is shown now (it must be on the page). */
  boolean isShown(By by) {
    // Wrapped: a wait takes a bare false for "not yet" and would look again until its deadline.
    return wait.until(d -> Optional.of(d.findElement(by).isDisplayed())).get();
  }

  /** The ids (or tags) of form fields on the page with neither a {@code <label>} nor an aria-label. */
  @SuppressWarnings("unchecked")
  List<String> unlabelledFields() {
    return (List<String>) driver.executeScript(
        "return [...document.querySelectorAll('input, select, textarea, progress')]"
        + ".filter(el => el.labels.length === 0 && !el.getAttribute('aria-label'))"
        + ".map(el => el.id || el.outerHTML.slice(0, 80));");
  }

  /** Sets a date or time input the way a picker does (typing into one depends on the browser's locale). */
  void setValue(By by, String value) {
    wait.until(d -> driver.executeScript("arguments[0].value = arguments[1];"
        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));"
        + "return true;", d.findElement(by), value));
  }

  /** Scrolls an element to the middle of the window, for a screenshot of it. */
  void scrollTo(By by) {
    wait.until(d -> driver.executeScript("arguments[0].scrollIntoView({block: 'center'}); return true;", d.findElement(by)));
  }

  void phoneSize() {
    driver.manage().window().setSize(new Dimension(390, 844));
  }

  /** Back to the size the browser started at (see {@code --window-size}). */
  void desktopSize() {
    driver.manage().window().setSize(new Dimension(1440, 1000));
  }

  /** What the console logged as errors since the last call ({@link Chromium#consoleErrors}). */
  List<String> consoleErrors() {
    return Chromium.consoleErrors(driver);
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
  void screenshot(String name) throws Exception {
    Chromium.screenshot(driver, name);
  }

  @Override
  public void close() {
    driver.quit();
  }

  /** Clicks the element {@code css} names once it is clickable. */
  void click(String css) {
    click(By.cssSelector(css));
  }

  /** Clicks the element {@code by} names once it is clickable. */
  void click(By by) {
    wait.until(d -> {
      WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
      if (element == null) {
        return false;
      }
      element.click();
      return true;
    });
  }

  /**
   * The admin makes the story's people on the users page (each with {@code password} and the roles
   * given), then signs out: a story's users come from the console too, not from the API.
   */
  void createUsers(String adminPassword, String password, Map<String, List<String>> rolesByUser) {
    signIn("admin", adminPassword);
    open("users");
    rolesByUser.forEach((username, roles) -> {
      waitVisible(By.id("user-name")).sendKeys(username);
      driver.findElement(By.id("user-password")).sendKeys(password);
      roles.forEach(role -> click("#new-role-" + role));
      click("[data-action='create-user']");
      waitVisible(By.cssSelector("tr[data-user='" + username + "']"));
      wait.until(d -> d.findElement(By.id("user-name")).getAttribute("value").isEmpty());
    });
    signOut();
  }

  /** Submits a Vietnamese text item from the content page's form and waits for its card and an emptied form. */
  void createTextItem(String id, String title, String text) {
    new org.openqa.selenium.support.ui.Select(waitVisible(By.id("item-kind"))).selectByValue("text");
    waitVisible(By.id("item-id")).sendKeys(id);
    driver.findElement(By.id("item-title")).sendKeys(title);
    waitVisible(By.id("variant-vi")).sendKeys(text);
    click(By.xpath("//input[@id='item-id']/ancestor::form//button[@type='submit']"));
    waitVisible(By.cssSelector("article[data-item='" + id + "']"));
    wait.until(d -> driver.findElement(By.id("item-id")).getAttribute("value").isEmpty());
  }
}
