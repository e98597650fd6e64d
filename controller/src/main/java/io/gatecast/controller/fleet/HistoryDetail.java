package io.gatecast.controller.fleet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A history entry's detail as a stable code and its values, so the console can say it in the reader's language.
 * Details are stored as English words: the controller's own ({@link FleetHealth}) and the agent's display detail
 * (the words of its {@code DisplayMonitor}, older agents' too). A detail not recognised here has no code; the
 * console then shows its words as they are.
 *
 * @param code {@code lastWill}, {@code silent}, {@code versions}, {@code versionsWithGate}, {@code browserDown},
 *     {@code noBrowserYet}, {@code kioskNotYet}, {@code pageSilent} or {@code kioskPageSilent}
 * @param args the values the words hold, by name; a version the screen has none of ("null") is left out
 */
public record HistoryDetail(String code, Map<String, String> args) {
  private static final Pattern SILENT = Pattern.compile("no heartbeat for (\\d+) s");
  private static final Pattern VERSIONS = Pattern.compile(
      "applied (\\w+), published (\\w+)(?:; gate schedule applied (\\w+), published (\\w+))?");
  private static final Pattern BROWSER_DOWN = Pattern.compile("kiosk browser is not running \\((.*)\\)");
  private static final Pattern PAGE_SILENT = Pattern.compile(
      "the page has not asked the agent for (\\d+) s( \\(browser frozen or closed\\?\\))?");

  /** The words of an AGENT change to OFFLINE by the screen's last-will. */
  public static final String LAST_WILL = "last-will";

  /** The words of an AGENT change to OFFLINE by silence longer than {@code timeout}. */
  static String silence(java.time.Duration timeout) {
    return "no heartbeat for " + timeout.toSeconds() + " s";
  }

  /**
   * The words of a CONTENT change: the schedule version the screen applied and the published one, and its gate's
   * when the screen is placed ({@code gatePublished} not null). A version the screen has none of is "null".
   */
  static String versions(Long applied, Long published, Long gateApplied, Long gatePublished) {
    return "applied " + applied + ", published " + published
        + (gatePublished == null ? "" : "; gate schedule applied " + gateApplied + ", published " + gatePublished);
  }

  /** The code and values of {@code detail}; empty when it is none or not recognised. */
  public static Optional<HistoryDetail> read(String detail) {
    if (detail == null) {
      return Optional.empty();
    }
    switch (detail) {
      case LAST_WILL:
        return Optional.of(new HistoryDetail("lastWill", Map.of()));
      case "no browser has opened the page since the agent started":
        return Optional.of(new HistoryDetail("noBrowserYet", Map.of()));
      case "the kiosk browser has not opened the page since the agent started":
        return Optional.of(new HistoryDetail("kioskNotYet", Map.of()));
      default:
        break;
    }
    Matcher m = SILENT.matcher(detail);
    if (m.matches()) {
      return Optional.of(new HistoryDetail("silent", Map.of("seconds", m.group(1))));
    }
    m = VERSIONS.matcher(detail);
    if (m.matches()) {
      Map<String, String> args = new LinkedHashMap<>();
      put(args, "applied", m.group(1));
      put(args, "published", m.group(2));
      if (m.group(3) == null) {
        return Optional.of(new HistoryDetail("versions", args));
      }
      put(args, "gateApplied", m.group(3));
      put(args, "gatePublished", m.group(4));
      return Optional.of(new HistoryDetail("versionsWithGate", args));
    }
    m = BROWSER_DOWN.matcher(detail);
    if (m.matches()) {
      return Optional.of(new HistoryDetail("browserDown", Map.of("exit", m.group(1))));
    }
    m = PAGE_SILENT.matcher(detail);
    if (m.matches()) {
      return Optional.of(new HistoryDetail(m.group(2) == null ? "pageSilent" : "kioskPageSilent",
          Map.of("seconds", m.group(1))));
    }
    return Optional.empty();
  }

  private static void put(Map<String, String> args, String name, String version) {
    if (!"null".equals(version)) {
      args.put(name, version);
    }
  }
}
