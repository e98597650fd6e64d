package io.gatecast.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one place Jackson is configured for the wire. Unknown fields are ignored so an older agent
 * survives a newer controller; missing, mistyped and out-of-range fields are refused with a
 * {@link ProtocolException} naming the field.
 */
public final class Codec {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(Limits.MAX_MESSAGE_BYTES).build());
  }

  private Codec() {}

  /** The shared mapper, for code that needs JSON shaped exactly like the wire (e.g. files on disk). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static byte[] encode(Object message) {
    try {
      byte[] bytes = MAPPER.writeValueAsBytes(message);
      if (bytes.length > Limits.MAX_MESSAGE_BYTES) {
        throw new ProtocolException(
            "message is " + bytes.length + " bytes; the limit is " + Limits.MAX_MESSAGE_BYTES);
      }
      return bytes;
    } catch (JsonProcessingException e) {
      throw new ProtocolException("cannot encode " + message.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  public static <T> T decode(byte[] payload, Class<T> type) {
    if (payload == null || payload.length == 0) {
      throw new ProtocolException("empty payload; expected a " + type.getSimpleName());
    }
    if (payload.length > Limits.MAX_MESSAGE_BYTES) {
      throw new ProtocolException(
          "payload is " + payload.length + " bytes; the limit is " + Limits.MAX_MESSAGE_BYTES);
    }
    try {
      T value = MAPPER.readValue(payload, type);
      if (value == null) {
        throw new ProtocolException("payload is JSON null; expected a " + type.getSimpleName());
      }
      return value;
    } catch (IOException e) {
      throw new ProtocolException(JsonErrors.describe(e, type), e);
    } catch (RuntimeException e) {
      // Jackson surfaces some constructor failures unwrapped; they are still bad input.
      throw new ProtocolException("invalid " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
