package io.gatecast.moquette;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import java.util.Set;

/**
 * Gives the connections of a few named users a write buffer of {@value #HIGH_BYTES} bytes instead
 * of Netty's 64 KB. Moquette 0.17 drops a QoS 0 PUBLISH to a subscriber whose connection is not
 * writable ({@code MQTTConnection.sendPublishQos0} → {@code sendIfWritableElseDrop}, read in its
 * bytecode), that is as soon as 64 KB wait for it. The controller takes every screen's heartbeats at
 * QoS 0 on one connection, so a controller a few hundred milliseconds behind lost up to 17 % of them
 * at 20,000 heartbeats/s, nearly every screen's last one (BENCHMARKS, 2026-12-03). Mosquitto queues
 * for a slow subscriber instead; with this room Moquette keeps about as much for the controller,
 * seconds of the fleet's heartbeats, and still drops past it, so a controller that stops reading
 * cannot make the broker hold without bound. Screens keep Netty's default: they are sent little, and
 * a screen that does not read must not make the broker hold megabytes for it.
 */
@ChannelHandler.Sharable
final class RoomToLag extends ChannelInboundHandlerAdapter {
  /** 64 MiB: at 20,000 heartbeats a second (about 7 MB a second here), some nine seconds of them. */
  static final int HIGH_BYTES = 64 * 1024 * 1024;
  private static final WriteBufferWaterMark ROOM = new WriteBufferWaterMark(HIGH_BYTES / 2, HIGH_BYTES);

  private final Set<String> users;

  /** {@code users}: the usernames whose connections get the room (a login refused is closed anyway). */
  RoomToLag(Set<String> users) {
    this.users = Set.copyOf(users);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (message instanceof MqttConnectMessage connect) {
      String user = connect.payload().userName();
      if (user != null && users.contains(user)) {
        ctx.channel().config().setWriteBufferWaterMark(ROOM);
      }
    }
    ctx.fireChannelRead(message);
  }
}
