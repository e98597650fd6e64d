package io.gatecast.moquette;

import io.moquette.broker.Server;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Optional;

/**
 * Puts GateCast's handlers into every client pipeline of a Moquette 0.17, in the one slot it keeps
 * for an optional metrics handler (unused here), just before its own MQTT handler: Moquette has no
 * hook for handlers of one's own. Tied to 0.17's fields, like {@link DuplicatePublishes}.
 */
final class SpareSlot {
  private SpareSlot() {}

  /**
   * Call right after {@code startServer}, before clients connect: each new connection gets
   * {@code handlers} (sharable), in this order. Throws if 0.17's slot is not there or already taken.
   */
  static void fill(Server server, List<ChannelHandler> handlers) throws ReflectiveOperationException {
    Object acceptor = Internals.field(Server.class, "acceptor").get(server);
    Field slot = Internals.field(acceptor.getClass(), "metrics");
    if (((Optional<?>) slot.get(acceptor)).isPresent()) {
      throw new IllegalStateException("the embedded MQTT broker's metrics handler is in use");
    }
    slot.set(acceptor, Optional.of(new Handlers(handlers)));
  }

  /** Replaces itself, in each new pipeline, by the handlers. */
  @ChannelHandler.Sharable
  private static final class Handlers extends ChannelInitializer<Channel> {
    private final List<ChannelHandler> handlers;

    Handlers(List<ChannelHandler> handlers) {
      this.handlers = List.copyOf(handlers);
    }

    @Override
    protected void initChannel(Channel channel) {
      // Added in place of this one (removed once this returns), so before Moquette's MQTT handler.
      String after = channel.pipeline().context(this).name();
      for (int i = handlers.size() - 1; i >= 0; i--) {
        channel.pipeline().addAfter(after, null, handlers.get(i));
      }
    }
  }
}
