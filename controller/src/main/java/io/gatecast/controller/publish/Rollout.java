package io.gatecast.controller.publish;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gatecast.protocol.AgentWords;
import io.gatecast.protocol.CodedWords;
import io.gatecast.protocol.CodedWords.Form;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How a publish is going, per screen. */
public final class Rollout {
  private static final List<Form> CONTROLLER_ERRORS = List.of(
      Form.of("brokerRefused", "the broker did not accept the schedule: (.*)", "why"));

  private Rollout() {}

  /** The error of a screen whose schedule the broker did not take. */
  static String brokerRefused(String why) {
    return "the broker did not accept the schedule: " + why;
  }

  /**
   * One screen's delivery. {@code status}: PENDING (sent, or about to be, and not answered yet),
   * APPLIED, FAILED (with the agent's, broker's or signer's {@code error}). {@code handedAt}: when
   * the broker took it (null: not yet).
   */
  public record ScreenDelivery(String screenId, long version, String status, String error, Instant recordedAt,
      Instant handedAt, Instant answeredAt) {
    /**
     * The error as a stable code and values (the agent's words, {@link AgentWords}, or the broker's refusal), for the
     * console to say in its reader's language; else null.
     */
    @JsonProperty("errorCoded")
    public CodedWords errorCoded() {
      return AgentWords.readFailure(error).or(() -> CodedWords.read(error, CONTROLLER_ERRORS)).orElse(null);
    }
  }

  public record Counts(int screens, int pending, int applied, int failed) {
    static Counts of(List<ScreenDelivery> deliveries) {
      int pending = 0;
      int applied = 0;
      int failed = 0;
      for (ScreenDelivery d : deliveries) {
        switch (d.status()) {
          case "APPLIED" -> applied++;
          case "FAILED" -> failed++;
          default -> pending++;
        }
      }
      return new Counts(deliveries.size(), pending, applied, failed);
    }
  }

  /**
   * How far a publish got (it is streamed: the call answers before the screens are sent). QUEUED:
   * waiting behind an earlier publish; SENDING: planned, screens being signed, recorded and sent;
   * DONE: every planned screen was recorded and handed to the broker (or failed); INTERRUPTED: it
   * stopped before DONE, saying why ({@link View#stoppedReason}): the controller stopped (what was
   * recorded is sent again at start), or the broker did not confirm a batch within the send deadline
   * (the queue moves on; what was recorded and not confirmed is sent again, screens not yet planned
   * wait for the next publish).
   */
  public enum State { QUEUED, SENDING, DONE, INTERRUPTED }

  /**
   * A publish with every screen it sent to. {@code planned}: how many screens it changes (null until
   * planned); {@code withheld}: per screen, the items held back because they are not approved;
   * {@code stoppedReason}: why it is INTERRUPTED (null in any other state).
   */
  public record View(long id, String requestedBy, Instant requestedAt, State state, Integer planned,
      Map<String, List<String>> withheld, Instant finishedAt, String stoppedReason, Counts counts,
      List<ScreenDelivery> screens) {}

  /** A publish in the list: its state and counts only. */
  public record Summary(long id, String requestedBy, Instant requestedAt, State state, Integer planned, Counts counts) {}
}
