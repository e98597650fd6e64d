package io.gatecast.controller.refusal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something the controller will not do, said three ways: a {@link Kind} (which the HTTP layer turns
 * into a status, in one place), a stable {@code code} the console translates (UPPER_SNAKE, never
 * renamed once shipped), and {@code details} naming the parts of the sentence (field, limit, value)
 * so the console can say it in the user's language. The message is the English sentence for logs
 * and API users.
 */
public class Refusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of refusal; the HTTP layer maps each to one status. */
  public enum Kind {
    BAD_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, GONE, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE,
    TOO_MANY_REQUESTS, UNAVAILABLE
  }

  private final Kind kind;
  private final String code;
  private final Map<String, Object> details;

  public Refusal(Kind kind, String code, String message, Map<String, ?> details) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.code = Objects.requireNonNull(code, "code");
    this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details == null ? Map.of() : details));
  }

  public Refusal(Kind kind, String code, String message) {
    this(kind, code, message, Map.of());
  }

  /**
   * A refusal coded by its kind ({@code BAD_INPUT}, {@code NOT_FOUND}, ...), as the older refusals
   * were, with no details; a new refusal the console should say precisely gets its own code instead.
   */
  public static Refusal of(Kind kind, String message) {
    return new Refusal(kind, kind.name(), message, Map.of());
  }

  public static Refusal badInput(String code, String message, Map<String, ?> details) {
    return new Refusal(Kind.BAD_INPUT, code, message, details);
  }

  public static Refusal notFound(String code, String message, Map<String, ?> details) {
    return new Refusal(Kind.NOT_FOUND, code, message, details);
  }

  public static Refusal conflict(String code, String message, Map<String, ?> details) {
    return new Refusal(Kind.CONFLICT, code, message, details);
  }

  public Kind kind() {
    return kind;
  }

  /** Stable, machine-readable reason, e.g. {@code FIELD_TOO_LONG}; what the console translates. */
  public String code() {
    return code;
  }

  /** The named parts of the message (field, limit, value, ...), for translation. */
  public Map<String, Object> details() {
    return details;
  }
}
