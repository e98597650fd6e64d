package io.gatecast.controller.commands;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command result's detail as a stable code and its values, so the console can say it in the reader's language.
 * Agents word their results in English (their {@code ScreenActions} and {@code CacheSweep}; older agents the same);
 * a detail not recognised here (a failure's reason, say) has no code and the console shows its words as they are.
 *
 * @param code {@code reloadedThroughBrowser}, {@code reloadAsked}, {@code restarting}, {@code identifying} or
 *     {@code cacheSwept}
 * @param args the values the words hold, by name
 */
public record CommandDetail(String code, Map<String, String> args) {
  private static final Pattern IDENTIFYING = Pattern.compile("showing the screen id for (\\d+) s");
  private static final Pattern CACHE_SWEPT = Pattern.compile(
      "removed (\\d+) unneeded files; (\\d+) needed files present");

  /** The code and values of {@code detail}; empty when it is none or not recognised. */
  public static Optional<CommandDetail> read(String detail) {
    if (detail == null) {
      return Optional.empty();
    }
    switch (detail) {
      case "page reloaded through the browser's DevTools":
        return Optional.of(new CommandDetail("reloadedThroughBrowser", Map.of()));
      case "the page was asked to reload itself":
        return Optional.of(new CommandDetail("reloadAsked", Map.of()));
      case "restarting":
        return Optional.of(new CommandDetail("restarting", Map.of()));
      default:
        break;
    }
    Matcher m = IDENTIFYING.matcher(detail);
    if (m.matches()) {
      return Optional.of(new CommandDetail("identifying", Map.of("seconds", m.group(1))));
    }
    m = CACHE_SWEPT.matcher(detail);
    if (m.matches()) {
      return Optional.of(new CommandDetail("cacheSwept", Map.of("removed", m.group(1), "kept", m.group(2))));
    }
    return Optional.empty();
  }
}
