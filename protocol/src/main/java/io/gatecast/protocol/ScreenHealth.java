package io.gatecast.protocol;

import java.time.Instant;

/**
 * What a heartbeat tells a technician beyond "alive": every member is optional, so an agent
 * reports what it can measure, and an older controller ignores what it does not know.
 *
 * @param currentLanguage the language of the variant on screen now
 * @param display whether the page is actually on screen (the agent's view of browser and panel)
 * @param displayDetail why the display is not SHOWING, in words
 * @param cacheBytes bytes in the media cache
 * @param freeDiskBytes free bytes on the cache's disk
 * @param uptimeSeconds seconds since the agent started
 * @param clockOffsetMillis the controller's clock minus this screen's, as the agent last measured it
 * @param agentVersion the agent's build version
 * @param autonomyUntil until when the cached rules and files keep the screen playing correctly with no link
 * @param showing what the page puts on screen by the rules: content, the default fill, or the
 *     placeholder card because there is nothing to play (null from agents older than this field)
 */
public record ScreenHealth(
    String currentLanguage,
    Display display,
    String displayDetail,
    Long cacheBytes,
    Long freeDiskBytes,
    Long uptimeSeconds,
    Long clockOffsetMillis,
    String agentVersion,
    Instant autonomyUntil,
    Showing showing) {
  /** The screen as the agent sees it. */
  public enum Display {
    /** The kiosk browser shows the page and it renders. */
    SHOWING,
    /** The browser is down, the page does not render, or the panel is off. */
    NOT_SHOWING,
    /** The agent does not watch the browser (no kiosk command configured). */
    UNKNOWN
  }

  /**
   * What the rules put on the page now. Whether the page is really on the panel is {@link Display}:
   * with NOT_SHOWING (browser down) this says what the screen would show.
   */
  public enum Showing {
    /** A campaign's item or an urgent alert. */
    CONTENT,
    /** The default playlist (the screen's own, or its gate's default), filling time no campaign covers. */
    DEFAULT_FILL,
    /** Nothing to play (no schedule yet, or rules with nothing for now): the "no content yet" card. */
    PLACEHOLDER
  }

  /** Without {@code showing}, as agents before it reported. */
  public ScreenHealth(String currentLanguage, Display display, String displayDetail, Long cacheBytes,
      Long freeDiskBytes, Long uptimeSeconds, Long clockOffsetMillis, String agentVersion, Instant autonomyUntil) {
    this(currentLanguage, display, displayDetail, cacheBytes, freeDiskBytes, uptimeSeconds, clockOffsetMillis,
        agentVersion, autonomyUntil, null);
  }

  public ScreenHealth {
    if (currentLanguage != null) {
      Check.languageTag(currentLanguage, "health.currentLanguage");
    }
    if (displayDetail != null && displayDetail.length() > Limits.MAX_DETAIL_LENGTH) {
      throw new IllegalArgumentException("health.displayDetail is longer than " + Limits.MAX_DETAIL_LENGTH + " characters");
    }
    nonNegative(cacheBytes, "health.cacheBytes");
    nonNegative(freeDiskBytes, "health.freeDiskBytes");
    nonNegative(uptimeSeconds, "health.uptimeSeconds");
    if (agentVersion != null) {
      Check.text(agentVersion, "health.agentVersion", 64);
    }
  }

  private static void nonNegative(Long value, String field) {
    if (value != null) {
      Check.atLeast(value, 0, field);
    }
  }
}
