package io.gatecast.protocol;

import io.gatecast.protocol.CodedWords.Form;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The English words an agent reports in: why its display is not showing ({@link ScreenHealth#displayDetail()}),
 * what a command did ({@link CommandResult#detail()}) and why a schedule or a command failed ({@link
 * ScheduleAck#error()}, a FAILED result's detail). The agent writes them here and the controller reads them here,
 * as a stable code and values ({@link CodedWords}), so the console can say them in its reader's language while the
 * words stay plain English in the kiosk's log and for an older controller. Words no form matches (an exception's
 * own message) have no code and are shown as they are.
 */
public final class AgentWords {
  private static final List<Form> DISPLAY = List.of(
      Form.of("browserDown", "kiosk browser is not running \\((.*)\\)", "exit"),
      Form.of("noBrowserYet", "no browser has opened the page since the agent started"),
      Form.of("kioskNotYet", "the kiosk browser has not opened the page since the agent started"),
      Form.of("kioskPageSilent", "the page has not asked the agent for (\\d+) s \\(browser frozen or closed\\?\\)",
          "seconds"),
      Form.of("pageSilent", "the page has not asked the agent for (\\d+) s", "seconds"));

  private static final List<Form> COMMAND = List.of(
      Form.of("reloadedThroughBrowser", "page reloaded through the browser's DevTools"),
      Form.of("reloadAsked", "the page was asked to reload itself"),
      Form.of("restarting", "restarting"),
      Form.of("identifying", "showing the screen id for (\\d+) s", "seconds"),
      Form.of("cacheSwept", "removed (\\d+) unneeded files; (\\d+) needed files present", "removed", "kept"));

  // A failure's words may be cut short to fit the message (Limits), so each form reads the start and lets the rest go.
  private static final List<Form> FAILURE = List.of(
      Form.of("mediaHttp", "download of (\\S+) failed: HTTP (\\d+).*", "url", "status"),
      Form.of("mediaUnreachable", "download of (\\S+) failed: .*", "url"),
      Form.of("mediaChecksum", "checksum did not match for (\\S+): .*", "url"),
      Form.of("mediaSize", "media \\w+ from (\\S+) is (?:larger than the announced|\\d+ bytes; ).*", "url"),
      Form.of("cacheWrite", "download of (\\S+) stopped: cannot write to the cache.*", "url"),
      Form.of("cacheQuota", "not downloading (\\S+): the cache quota of (\\d+) bytes.*", "file", "quotaBytes"),
      Form.of("diskFull", "not downloading (\\S+): it needs (\\d+) bytes and the disk has (\\d+) free.*",
          "file", "needBytes", "freeBytes"),
      Form.of("screenshotNotJpeg", "the browser's screenshot is not a JPEG"),
      Form.of("screenshotNotUploaded", "screenshot saved as .* but not uploaded: no controller URL is configured"),
      Form.of("screenshotRefused", "the controller answered (\\d+) to PUT .*", "status"),
      Form.of("browserRestarting", "the kiosk browser is not running \\((.*)\\); the agent is starting it again.*",
          "exit"),
      Form.of("browserNotAnswering", "the kiosk browser does not answer on its DevTools port .*"),
      Form.of("browserNoTab", "no browser tab shows .*"),
      Form.of("browserNoDevTools", "the browser's DevTools port is not known .*"));

  private AgentWords() {}

  /** The code and values of a display's detail; empty when there is none or it is not known. */
  public static Optional<CodedWords> readDisplay(String words) {
    return CodedWords.read(words, DISPLAY);
  }

  /** The code and values of a command result's detail, DONE or FAILED; empty when none or not known. */
  public static Optional<CodedWords> readCommand(String words) {
    return CodedWords.read(words, COMMAND).or(() -> readFailure(words));
  }

  /** The code and values of why a schedule or a command failed; empty when none or not known. */
  public static Optional<CodedWords> readFailure(String words) {
    return CodedWords.read(words, FAILURE);
  }

  // ---- display: why the screen is not showing the page

  public static String browserDown(String lastExit) {
    return "kiosk browser is not running (" + lastExit + ")";
  }

  /** Without a kiosk browser of the agent's own: whoever opens the page has not yet. */
  public static String noBrowserYet() {
    return "no browser has opened the page since the agent started";
  }

  public static String kioskNotYet() {
    return "the kiosk browser has not opened the page since the agent started";
  }

  /** Without a kiosk browser of the agent's own: the page has gone quiet. */
  public static String pageSilent(Duration silence) {
    return "the page has not asked the agent for " + silence.toSeconds() + " s";
  }

  public static String kioskPageSilent(Duration silence) {
    return pageSilent(silence) + " (browser frozen or closed?)";
  }

  // ---- command results

  public static String reloadedThroughBrowser() {
    return "page reloaded through the browser's DevTools";
  }

  public static String reloadAsked() {
    return "the page was asked to reload itself";
  }

  public static String restarting() {
    return "restarting";
  }

  public static String identifying(Duration duration) {
    return "showing the screen id for " + duration.toSeconds() + " s";
  }

  public static String cacheSwept(int removed, int kept) {
    return "removed " + removed + " unneeded files; " + kept + " needed files present";
  }

  // ---- failures: a schedule's media, a command

  public static String mediaHttp(String url, int status) {
    return "download of " + url + " failed: HTTP " + status;
  }

  /** The download did not get through: {@code why} says how (a refused connection, a time-out, a bad range). */
  public static String mediaUnreachable(String url, String why) {
    return "download of " + url + " failed: " + why;
  }

  public static String mediaChecksum(String url, String expected, String actual) {
    return "checksum did not match for " + url + ": expected sha256 " + expected + ", got " + actual;
  }

  public static String mediaShort(String sha256, String url, long have, long announced) {
    return "media " + sha256 + " from " + url + " is " + have + " bytes; " + announced + " were announced";
  }

  public static String mediaLarger(String sha256, String url, long announced) {
    return "media " + sha256 + " from " + url + " is larger than the announced " + announced + " bytes";
  }

  public static String cacheWrite(String url, Exception cause) {
    return "download of " + url + " stopped: cannot write to the cache (" + cause + "); the partial file was deleted";
  }

  /**
   * @param automaticPercent the quota's share of the cache and free disk when the agent chose it; null when set
   * @param usedBytes what the schedules playing or pending need
   */
  public static String cacheQuota(String file, long quotaBytes, Integer automaticPercent, long usedBytes,
      long needBytes) {
    return "not downloading " + file + ": the cache quota of " + quotaBytes + " bytes"
        + (automaticPercent == null ? "" : " (automatic: " + automaticPercent + "% of the cache and free disk)")
        + " cannot hold the schedule's files: " + usedBytes + " bytes are needed by the schedules playing or pending,"
        + " and " + file + " needs " + needBytes + " more (free some disk or raise --cache-quota-mb)";
  }

  public static String diskFull(String file, long needBytes, long freeBytes, long reservedBytes) {
    return "not downloading " + file + ": it needs " + needBytes + " bytes and the disk has " + freeBytes
        + " free, of which " + reservedBytes + " stay reserved; free some disk space";
  }

  public static String screenshotNotJpeg() {
    return "the browser's screenshot is not a JPEG";
  }

  public static String screenshotNotUploaded(String file) {
    return "screenshot saved as " + file + " but not uploaded: no controller URL is configured";
  }

  /** {@code body}: the controller's answer, empty or cut short. */
  public static String screenshotRefused(int status, String target, String body) {
    return "the controller answered " + status + " to PUT " + target + (body.isEmpty() ? "" : ": " + body);
  }

  public static String browserRestarting(String why) {
    return "the kiosk browser is not running (" + why + "); the agent is starting it again";
  }

  public static String browserNotAnswering(int port) {
    return "the kiosk browser does not answer on its DevTools port " + port + " (it was closed or crashed)";
  }

  /** The agent does not drive the browser (it was not started by the agent, nor told its port). */
  public static String browserNoDevTools() {
    return "the browser's DevTools port is not known (launch it with --kiosk-command ... --remote-debugging-port=0,"
        + " or give --kiosk-devtools-port)";
  }

  public static String browserNoTab(String pageUrl) {
    return "no browser tab shows " + pageUrl;
  }
}
