package io.gatecast.controller.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatecast.protocol.Check;
import io.gatecast.protocol.Codec;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import io.gatecast.controller.refusal.Refusal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads request bodies into records and writes responses, with errors that name the field. */
public final class Json {
  /** Like the wire's mapper, but strict: a misspelt field in a request is an error, not a silent no-op. */
  private static final ObjectMapper STRICT =
      Codec.mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Json() {}

  public static <T> T read(RoutingContext ctx, Class<T> type) {
    String contentType = ctx.request().getHeader("content-type");
    if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
      throw BodyRefusals.notJson();
    }
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw BodyRefusals.empty(type, false);
    }
    try {
      T value = STRICT.readValue(body.getBytes(), type);
      if (value == null) {
        throw BodyRefusals.empty(type, true);
      }
      return value;
    } catch (IOException e) {
      if (e.getCause() instanceof Check.BidiControlException bidi) {
        throw bidiRefusal(type, bidi);
      }
      throw BodyRefusals.of(e, type);
    } catch (Check.BidiControlException e) {
      throw bidiRefusal(type, e);
    } catch (IllegalArgumentException e) {
      throw BodyRefusals.of(e, type);
    }
  }

  private static Refusal bidiRefusal(Class<?> type, Check.BidiControlException e) {
    return Refusal.badInput("TEXT_BIDI_CONTROL", "invalid " + type.getSimpleName() + ": " + e.getMessage(),
        Map.of("field", e.field(), "character", e.character(), "position", e.position()));
  }

  public static void send(RoutingContext ctx, int status, Object body) {
    try {
      ctx.response()
          .setStatusCode(status)
          .putHeader("content-type", "application/json; charset=utf-8")
          .end(Buffer.buffer(Codec.mapper().writeValueAsBytes(body)));
    } catch (JsonProcessingException e) {
      ctx.fail(e);
    }
  }

  /** A refusal's body: the English sentence, its stable code and the details the console translates. */
  public static void refusal(RoutingContext ctx, int status, Refusal refused) {
    if (!ctx.response().ended()) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", refused.getMessage());
      body.put("code", refused.code());
      body.put("details", refused.details());
      send(ctx, status, body);
    }
  }

  public static void error(RoutingContext ctx, int status, String message) {
    if (!ctx.response().ended()) {
      send(ctx, status, Map.of("error", message));
    }
  }
}
