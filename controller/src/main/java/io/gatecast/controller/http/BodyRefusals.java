package io.gatecast.controller.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.protocol.FieldError;
import io.gatecast.protocol.JsonErrors;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a request body could not be read, as a {@link Refusal} with a stable code and the field it
 * names, so the console can say it in its user's language. The English sentence stays the one
 * {@link JsonErrors} writes.
 */
final class BodyRefusals {
  private BodyRefusals() {}

  static Refusal notJson() {
    return new Refusal(Refusal.Kind.UNSUPPORTED_MEDIA_TYPE, "BODY_NOT_JSON",
        "send the request body as JSON with Content-Type: application/json");
  }

  static Refusal empty(Class<?> type, boolean jsonNull) {
    String sentence = jsonNull ? "the request body is JSON null; expected a JSON " : "the request body is empty; expected a JSON ";
    return Refusal.badInput("BODY_EMPTY", sentence + type.getSimpleName(), Map.of("type", type.getSimpleName()));
  }

  /** A failed read: a constructor check (its own code), an unknown field, a wrong value or type, or bad JSON. */
  static Refusal of(IOException e, Class<?> type) {
    String sentence = JsonErrors.describe(e, type);
    FieldError checked = fieldError(e);
    if (checked != null) {
      Map<String, Object> details = new LinkedHashMap<>(checked.details());
      String where = e instanceof JsonMappingException jme ? JsonErrors.path(jme) : "";
      Object field = details.get("field");
      if (!where.isEmpty() && field != null && !String.valueOf(field).startsWith(where)) {
        // A nested record names its own field; the path says which nested record it is.
        details.put("field", where + "." + field);
      }
      return Refusal.badInput(checked.code(), sentence, details);
    }
    if (e instanceof UnrecognizedPropertyException upe) {
      return Refusal.badInput("BODY_UNKNOWN_FIELD", sentence, Map.of("field", upe.getPropertyName()));
    }
    if (e instanceof InvalidFormatException ife) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("field", JsonErrors.path(ife));
      details.put("value", String.valueOf(ife.getValue()));
      Class<?> target = ife.getTargetType();
      if (target != null && target.isEnum()) {
        details.put("allowed", Arrays.stream(target.getEnumConstants()).map(String::valueOf).toList());
      }
      return Refusal.badInput("FIELD_INVALID_CHOICE", sentence, details);
    }
    if (e instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
      return Refusal.badInput("FIELD_WRONG_TYPE", sentence, Map.of("field", JsonErrors.path(mie)));
    }
    if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
      return Refusal.badInput("FIELD_INVALID", sentence, Map.of("field", JsonErrors.path(jme)));
    }
    return Refusal.badInput("BODY_MALFORMED", sentence, Map.of("type", type.getSimpleName()));
  }

  /** A check that threw a plain IllegalArgumentException (no code of its own yet). */
  static Refusal of(IllegalArgumentException e, Class<?> type) {
    String sentence = "invalid " + type.getSimpleName() + ": " + e.getMessage();
    if (e instanceof FieldError checked) {
      return Refusal.badInput(checked.code(), sentence, checked.details());
    }
    return Refusal.badInput("INVALID_REQUEST", sentence, Map.of("type", type.getSimpleName()));
  }

  private static FieldError fieldError(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof FieldError checked) {
        return checked;
      }
    }
    return null;
  }
}
