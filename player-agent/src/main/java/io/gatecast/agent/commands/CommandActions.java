package io.gatecast.agent.commands;

import java.time.Duration;

/**
 * What the screen does for each command kind; each method returns a short detail for the
 * {@code CommandResult} or throws, which the result reports as FAILED with the exception's message.
 */
public interface CommandActions {
  /** Captures the screen, keeps the PNG and uploads it; returns its SHA-256. */
  String screenshot() throws Exception;

  /** Reloads the page in the browser; returns how. */
  String reload() throws Exception;

  /** Asks the agent to restart; returns once the restart is under way. */
  String restart() throws Exception;

  /** Shows the screen's id over the content for {@code duration}. */
  String identify(Duration duration) throws Exception;

  /** Clears the media cache of what no schedule needs and verifies the rest; returns a summary. */
  String clearCache() throws Exception;
}
