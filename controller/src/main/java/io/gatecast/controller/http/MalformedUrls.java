package io.gatecast.controller.http;

import io.gatecast.controller.refusal.Refusal;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A path with a broken percent escape ({@code /health%zz}) is the client's mistake: a 400 and one
 * log line, not a stack trace per request that anyone could use to flood the log.
 */
public final class MalformedUrls {
  private static final Logger LOG = LoggerFactory.getLogger(MalformedUrls.class);
  private static final int MAX_LOGGED = 200;

  private MalformedUrls() {}

  public static void refuse(RoutingContext ctx) {
    String path = ctx.request().path();
    try {
      // '+' is a plus in a path, not a space; only the escapes are checked here.
      URLDecoder.decode(path == null ? "" : path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      String shown = path.length() <= MAX_LOGGED ? path : path.substring(0, MAX_LOGGED) + "...";
      LOG.info("{} {} from {} refused: the path is not a valid URL ({})", ctx.request().method(), shown,
          ctx.request().remoteAddress(), e.getMessage());
      ctx.fail(Refusal.badInput("MALFORMED_URL", "the path is not a valid URL: " + e.getMessage(),
          Map.of("path", shown)));
      return;
    }
    ctx.next();
  }
}
