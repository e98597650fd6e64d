package io.gatecast.controller.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.channels.ClosedChannelException;
import org.slf4j.Marker;

/**
 * Keeps the embedded broker's reports of a client that left mid-conversation out of the log. A kiosk
 * that loses power or its link while it connects, or an agent stopped as it connects (Ctrl-C on the
 * demo), closes its socket before Moquette 0.17 answers; Moquette then logs "CONNACK send failed" as an
 * ERROR with a stack trace, or its write reaches Netty's pipeline end, which warns with one. Neither is
 * a fault of the broker or of the screen: the connection is cleaned up either way and the screen
 * connects again. Only a {@link ClosedChannelException} from these two loggers is dropped; anything else
 * they say still shows. Named in each logback configuration that runs the controller.
 */
public final class ClientGoneNoise extends TurboFilter {
  private static final String MOQUETTE = "io.moquette.";
  private static final String NETTY_PIPELINE_END = "io.netty.channel.DefaultChannelPipeline";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || !(logger.getName().startsWith(MOQUETTE) || logger.getName().equals(NETTY_PIPELINE_END))) {
      return FilterReply.NEUTRAL;
    }
    return isClosedChannel(t) || isClosedChannel(lastOf(params)) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  private static boolean isClosedChannel(Object thrown) {
    return thrown instanceof ClosedChannelException;
  }

  /** SLF4J takes a message's throwable as its last argument when there are arguments before it. */
  private static Object lastOf(Object[] params) {
    return params == null || params.length == 0 ? null : params[params.length - 1];
  }
}
