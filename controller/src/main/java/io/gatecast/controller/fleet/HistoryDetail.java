package io.gatecast.controller.fleet;

import io.gatecast.protocol.AgentWords;
import io.gatecast.protocol.CodedWords;
import io.gatecast.protocol.CodedWords.Form;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The words of a history entry's detail: the controller's own ({@link FleetHealth} writes them through here) and
 * the agent's display detail ({@link AgentWords}), read as a stable code and values for the console ({@link
 * CodedWords}). Other words have no code; the console shows them as they are.
 */
public final class HistoryDetail {
  /** The words of an AGENT change to OFFLINE by the screen's last-will: its agent vanished. */
  public static final String LAST_WILL = "last-will";
  /** The words of an AGENT change to OFFLINE by the agent's own goodbye: it stopped on purpose. */
  public static final String STOPPED = "stopped";

  private static final List<Form> FORMS = List.of(
      Form.of("lastWill", LAST_WILL),
      Form.of("stopped", STOPPED),
      Form.of("silent", "no heartbeat for (\\d+) s", "seconds"),
      Form.of("versionsWithGate", "applied (\\w+), published (\\w+); gate schedule applied (\\w+), published (\\w+)",
          "applied", "published", "gateApplied", "gatePublished"),
      Form.of("versions", "applied (\\w+), published (\\w+)", "applied", "published"));

  private HistoryDetail() {}

  /** The words of an AGENT change to OFFLINE by silence longer than {@code timeout}. */
  static String silence(Duration timeout) {
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
  public static Optional<CodedWords> read(String detail) {
    return CodedWords.read(detail, FORMS).or(() -> AgentWords.readDisplay(detail));
  }
}
