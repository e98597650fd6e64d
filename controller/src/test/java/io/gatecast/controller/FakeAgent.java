package io.gatecast.controller;

import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Command;
import io.gatecast.protocol.CommandResult;
import io.gatecast.protocol.Freshness;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Keys;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScreenHealth;
import io.gatecast.protocol.ScreenState;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.Verifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A protocol-speaking stand-in for a screen's agent: logs in as the screen with an OFFLINE
 * last-will, sends heartbeats, acks, plays and command results as the protocol says, and opens
 * the commands it receives the way an agent does (only if the controller's key signed them).
 */
final class FakeAgent implements AutoCloseable {
  final String screenId;
  final List<Command> commands = new CopyOnWriteArrayList<>();
  private final MqttClient client;

  FakeAgent(String brokerUrl, String screenId, String password) throws MqttException {
    this.screenId = screenId;
    client = new MqttClient(brokerUrl, screenId, new MemoryPersistence()) /* a screen connects as itself */;
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setUserName(screenId);
    options.setPassword(password.toCharArray());
    options.setWill(Topics.status(screenId),
        Codec.encode(new StatusMessage(Header.now(Instant.now()), screenId, ScreenState.OFFLINE, null, null, null)), 1, true);
    client.connect(options);
  }

  /** Receives commands, keeping those the controller's key signed (as an agent's Verifier would). */
  FakeAgent listenForCommands(PinnedKey key) throws MqttException {
    Verifier verifier = Verifier.pinning(new Freshness(Clock.systemUTC(), Duration.ofDays(3650)), key.keyId(),
        Keys.decodePublic(key.publicKey()));
    client.subscribe(Topics.commands(screenId), 1,
        (topic, message) -> commands.add(verifier.open(message.getPayload(), Signed.COMMAND, Command.class).message()));
    return this;
  }

  void heartbeat(Long appliedVersion, ScreenHealth health) throws MqttException {
    publish(Topics.status(screenId), Codec.encode(new StatusMessage(Header.now(Instant.now()), screenId, ScreenState.ONLINE,
        appliedVersion, null, 10L, health)), true);
  }

  /** A heartbeat stamped by a kiosk clock that says {@code sentAt} now. */
  void heartbeatStamped(Instant sentAt) throws MqttException {
    publish(Topics.status(screenId), Codec.encode(new StatusMessage(Header.now(sentAt), screenId, ScreenState.ONLINE,
        null, null, 10L, null)), true);
  }

  void heartbeat() throws MqttException {
    heartbeat(null, null);
  }

  void applied(long version) throws MqttException {
    publish(Topics.events(screenId), Codec.encode(new ScheduleAck(Header.now(Instant.now()), screenId, version,
        ScheduleAck.Outcome.APPLIED, null)), false);
  }

  void plays(List<PlayBatch.Play> plays) throws MqttException {
    publish(Topics.events(screenId), Codec.encode(new PlayBatch(Header.now(Instant.now()), screenId, plays)), false);
  }

  void answer(Command command, CommandResult.Outcome outcome, String detail, String attachmentSha256) throws MqttException {
    publish(Topics.events(screenId), Codec.encode(new CommandResult(Header.now(Instant.now()), screenId, command.sequence(),
        command.kind(), outcome, detail, attachmentSha256)), false);
  }

  /** The agent stops on purpose (a restart it was asked for): its own OFFLINE status, saying so. */
  void stopping() throws MqttException {
    publish(Topics.status(screenId), Codec.encode(new StatusMessage(Header.now(Instant.now()), screenId,
        ScreenState.OFFLINE, null, null, null).asStopping()), true);
  }

  /** The network vanishes: no DISCONNECT is sent, so the broker publishes the last-will. */
  void dropConnection() throws MqttException {
    client.disconnectForcibly(0, 1000, false);
  }

  private void publish(String topic, byte[] payload, boolean retained) throws MqttException {
    client.publish(topic, payload, 1, retained);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
