package io.gatecast.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A value that fails a constructor check, told three ways: the English sentence (the message), a
 * stable UPPER_SNAKE {@code code} (never renamed once shipped) and {@code details} naming the parts
 * of the sentence ({@code field}, {@code limit}, {@code value}...), so a console can say it in its
 * user's language. It is still an {@link IllegalArgumentException}: callers that only want the
 * sentence keep working.
 */
public final class FieldError extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final Map<String, Object> details;

  public FieldError(String code, String message, Map<String, ?> details) {
    super(Objects.requireNonNull(message, "message"));
    this.code = Objects.requireNonNull(code, "code");
    this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** A refusal about {@code field}; {@code more} are further name/value pairs (limit, value...). */
  public static FieldError of(String code, String field, String message, Object... more) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("field", field);
    for (int i = 0; i + 1 < more.length; i += 2) {
      details.put(String.valueOf(more[i]), more[i + 1]);
    }
    return new FieldError(code, message, details);
  }

  public String code() {
    return code;
  }

  public Map<String, Object> details() {
    return details;
  }
}
