package io.gatecast.moquette;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packets a client sends after its CONNECT reach the broker only once the broker has marked the
 * connection connected, in the order sent; on a channel that closes first they are released; on one
 * never marked connected they are passed on after the last check. Netty's in-memory channel, with its
 * own clock, stands in for the broker's pipeline; {@code SubscribeRightAfterConnectTest} runs the real one.
 */
class HeldUntilConnectedTest {
  private final AtomicBoolean connected = new AtomicBoolean();
  private final EmbeddedChannel channel = new EmbeddedChannel(new HeldUntilConnected(ignored -> connected.get()));

  /**
   * The channel's clock moves only when a test ticks it. Left running, it also moves with real time, and a
   * pause of a millisecond between the handler's scheduling and {@code writeInbound}'s own run of due tasks
   * (a busy machine, a collection) made a check run early, so the last check came one tick before the test
   * counted: the flake seen once in a full run.
   */
  @BeforeEach
  void freezeTheClock() {
    channel.freezeTime();
  }

  @Test
  void packetsAfterConnectWaitForTheConnectionAndKeepTheirOrder() {
    channel.writeInbound(connect());
    channel.writeInbound(subscribe(1), publish("first"), subscribe(2));

    assertThat(types(channel.inboundMessages())).containsExactly(MqttMessageType.CONNECT);
    channel.readInbound();
    tick(5);
    assertThat(channel.inboundMessages()).as("still not connected: held").isEmpty();

    connected.set(true);
    tick(1);
    assertThat(types(channel.inboundMessages()))
        .containsExactly(MqttMessageType.SUBSCRIBE, MqttMessageType.PUBLISH, MqttMessageType.SUBSCRIBE);
    channel.inboundMessages().clear();

    channel.writeInbound(subscribe(3));
    assertThat(types(channel.inboundMessages())).as("connected: straight through").containsExactly(MqttMessageType.SUBSCRIBE);
  }

  @Test
  void aConnectionAlreadyConnectedPassesEverythingAtOnce() {
    connected.set(true);
    channel.writeInbound(connect(), subscribe(1));

    assertThat(types(channel.inboundMessages())).containsExactly(MqttMessageType.CONNECT, MqttMessageType.SUBSCRIBE);
  }

  @Test
  void heldPacketsOfAChannelThatClosesAreReleased() {
    MqttPublishMessage publish = publish("never delivered");
    channel.writeInbound(connect(), publish);
    channel.readInbound();

    channel.close();

    assertThat(publish.refCnt()).isZero();
    assertThat(channel.inboundMessages()).isEmpty();
  }

  @Test
  void afterTheLastCheckTheBrokerDecidesAsWithoutTheHandler() {
    channel.writeInbound(connect(), subscribe(1));
    channel.readInbound();

    tick(HeldUntilConnected.MAX_CHECKS - 1);
    assertThat(channel.inboundMessages()).as("one check left").isEmpty();

    tick(1);
    assertThat(types(channel.inboundMessages())).containsExactly(MqttMessageType.SUBSCRIBE);
  }

  @Test
  void packetsBeforeAnyConnectAreNotHeld() {
    channel.writeInbound(subscribe(1));

    assertThat(types(channel.inboundMessages())).containsExactly(MqttMessageType.SUBSCRIBE);
  }

  /** Moves the channel's clock on by that many milliseconds, one at a time, running what falls due. */
  private void tick(int millis) {
    for (int i = 0; i < millis; i++) {
      channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
      channel.runScheduledPendingTasks();
    }
  }

  private static MqttMessage connect() {
    return MqttMessageBuilders.connect().clientId("hall-1").username("hall-1").password(new byte[] {1}).build();
  }

  private static MqttMessage subscribe(int packetId) {
    return MqttMessageBuilders.subscribe().messageId(packetId).addSubscription(MqttQoS.AT_LEAST_ONCE, "a/b").build();
  }

  private static MqttPublishMessage publish(String text) {
    ByteBuf payload = Unpooled.copiedBuffer(text, java.nio.charset.StandardCharsets.UTF_8);
    return MqttMessageBuilders.publish().topicName("a/b").qos(MqttQoS.AT_LEAST_ONCE).messageId(9).payload(payload).build();
  }

  private static List<MqttMessageType> types(Iterable<Object> messages) {
    List<MqttMessageType> types = new ArrayList<>();
    messages.forEach(message -> types.add(((MqttMessage) message).fixedHeader().messageType()));
    return types;
  }
}
