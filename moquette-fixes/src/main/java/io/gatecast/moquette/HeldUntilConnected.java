package io.gatecast.moquette;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works around a Moquette 0.17 defect that drops a client's fresh connection. Moquette answers a
 * CONNECT from one of its session loops and marks the connection "connected" only in the listener of
 * that CONNACK write, which Netty may run after it has already read the client's next packet. That
 * packet (a SUBSCRIBE, nearly always) is then taken for one "received on already closed connection"
 * and the connection is dropped. It happens whenever a client sends right after CONNECT without
 * waiting for the CONNACK, which MQTT 3.1.1 allows (§3.1.4), and now and then under load even when it
 * waits (seen about once per full test run; {@code SubscribeRightAfterConnectTest}). Read in 0.17's
 * bytecode ({@code MQTTConnection.executeConnect}, {@code MQTTConnection$1}); 0.18 is not on the
 * Maven repository served here.
 *
 * <p>This handler sits just before Moquette's own in every client's pipeline and holds the packets
 * that follow a CONNECT, in order, until Moquette says the connection is connected, then passes them
 * on; a connection that does not get there within {@link #MAX_CHECKS} milliseconds' worth of checks
 * (its login was refused, say) gets them passed on as they are, so Moquette decides as before. Once
 * connected, a packet costs one attribute read. Put in every pipeline through {@link SpareSlot}, and
 * tied to 0.17 like {@link DuplicatePublishes}: if the fields are not found it says so and changes nothing.
 */
@ChannelHandler.Sharable
final class HeldUntilConnected extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(HeldUntilConnected.class);
  private static final AttributeKey<Held> HELD = AttributeKey.valueOf(HeldUntilConnected.class, "held");
  /** Checks are a millisecond apart: ten seconds, more under load, before Moquette is left to decide. */
  static final int MAX_CHECKS = 10_000;
  private static final long CHECK_EVERY_MILLIS = 1;

  private final Predicate<Channel> connected;

  /** {@code connected}: whether the broker has marked the channel's connection connected. */
  HeldUntilConnected(Predicate<Channel> connected) {
    this.connected = connected;
  }

  /** The handler for Moquette 0.17's pipeline, asking its connections whether they are connected. */
  static HeldUntilConnected forMoquette() throws ReflectiveOperationException {
    return new HeldUntilConnected(moquetteConnected());
  }

  /** Moquette 0.17's own answer: the channel's {@code MQTTConnection} and its {@code isConnected()}. */
  private static Predicate<Channel> moquetteConnected() throws ReflectiveOperationException {
    Class<?> handler = Class.forName("io.moquette.broker.NewNettyMQTTHandler");
    @SuppressWarnings("unchecked")
    AttributeKey<Object> key = (AttributeKey<Object>) Internals.field(handler, "ATTR_KEY_CONNECTION").get(null);
    Method isConnected = Class.forName("io.moquette.broker.MQTTConnection").getDeclaredMethod("isConnected");
    isConnected.setAccessible(true);
    return channel -> {
      Object connection = channel.attr(key).get();
      try {
        return connection != null && (Boolean) isConnected.invoke(connection);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    Held held = ctx.channel().attr(HELD).get();
    if (held == null) {
      if (message instanceof MqttMessage mqtt && mqtt.fixedHeader().messageType() == MqttMessageType.CONNECT) {
        ctx.channel().attr(HELD).set(new Held());
      }
      ctx.fireChannelRead(message);
    } else if (held.open || held.packets.isEmpty() && isConnected(ctx, held)) {
      ctx.fireChannelRead(message);
    } else {
      held.packets.add(message);
      if (held.packets.size() == 1) {
        checkLater(ctx, held);
      }
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    Held held = ctx.channel().attr(HELD).get();
    if (held != null) {
      held.releaseAll();
    }
    super.channelInactive(ctx);
  }

  private boolean isConnected(ChannelHandlerContext ctx, Held held) {
    held.open = connected.test(ctx.channel());
    return held.open;
  }

  private void checkLater(ChannelHandlerContext ctx, Held held) {
    ctx.executor().schedule(() -> check(ctx, held), CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void check(ChannelHandlerContext ctx, Held held) {
    if (!ctx.channel().isActive()) {
      held.releaseAll();
      return;
    }
    if (!isConnected(ctx, held) && ++held.checks < MAX_CHECKS) {
      checkLater(ctx, held);
      return;
    }
    if (!held.open) {
      LOG.warn("{}: not marked connected by the embedded MQTT broker {} checks after CONNECT; passing its packets on",
          ctx.channel().remoteAddress(), held.checks);
      held.open = true;
    }
    for (Object message = held.packets.poll(); message != null; message = held.packets.poll()) {
      ctx.fireChannelRead(message);
    }
    ctx.fireChannelReadComplete();
  }

  /** One channel's state; touched only on its event loop. */
  private static final class Held {
    final ArrayDeque<Object> packets = new ArrayDeque<>();
    /** Connected once (or given up on): from then on every packet passes straight on. */
    boolean open;
    int checks;

    void releaseAll() {
      for (Object message = packets.poll(); message != null; message = packets.poll()) {
        ReferenceCountUtil.release(message);
      }
    }
  }
}
