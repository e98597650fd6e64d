package io.gatecast.protocol;

/**
 * An operator's order to one screen, sent in a {@link Signed} envelope of type
 * {@link Signed#COMMAND} on {@link Topics#commands(String)} (not retained). The envelope must carry
 * an {@code expiresAt}: a command is for now, not for whenever a screen comes back a week later.
 *
 * @param sequence grows with every command the controller sends this screen; an agent refuses a
 *     sequence not above the last one it executed, so a captured command cannot be replayed
 * @param durationSeconds how long {@link Kind#IDENTIFY} shows the screen's name; null: a default
 */
public record Command(Header header, String screenId, Long sequence, Kind kind, Integer durationSeconds) {
  /** What the screen is told to do; each is answered by a {@link CommandResult}. */
  public enum Kind {
    /** Capture what is on screen and upload it; the result names the file. */
    SCREENSHOT,
    /** Reload the screen page in the kiosk browser. */
    RELOAD,
    /** Restart the agent (and with it the browser). */
    RESTART,
    /** Show the screen's name and id over the content for a while. */
    IDENTIFY,
    /** Delete cached files no schedule needs, verify the rest and fetch again what is missing. */
    CLEAR_CACHE
  }

  public static final int MAX_IDENTIFY_SECONDS = 600;

  public Command {
    Check.required(header, "header");
    Check.id(screenId, "screenId");
    Check.atLeast(sequence, 1, "sequence");
    Check.required(kind, "kind");
    if (durationSeconds != null) {
      Check.between(durationSeconds, 1, MAX_IDENTIFY_SECONDS, "durationSeconds");
    }
  }
}
