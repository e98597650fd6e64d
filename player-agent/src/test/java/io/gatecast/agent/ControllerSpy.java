package io.gatecast.agent;

import io.gatecast.protocol.Codec;
import io.gatecast.protocol.CommandResult;
import io.gatecast.protocol.EventKind;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.protocol.PlayReceipt;
import io.gatecast.protocol.RejectionEvent;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Signer;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.protocol.Topics;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Plays the controller's side over a real MQTT connection: publishes schedules signed with the
 * test controller key (or any bytes a test forges), records what agents say.
 */
final class ControllerSpy implements AutoCloseable {
  final List<StatusMessage> statuses = new CopyOnWriteArrayList<>();
  final List<ScheduleAck> acks = new CopyOnWriteArrayList<>();
  final List<RejectionEvent> rejections = new CopyOnWriteArrayList<>();
  final List<CommandResult> commandResults = new CopyOnWriteArrayList<>();
  final List<PlayBatch> playBatches = new CopyOnWriteArrayList<>();
  /** Every event in arrival order, decoded. */
  final List<Object> events = new CopyOnWriteArrayList<>();
  /** The receipts sent, by batch id, in order. */
  final List<String> receipted = new CopyOnWriteArrayList<>();
  private final MqttClient client;
  private final Signer signer;
  /** Receipts go out from here: a blocking QoS 1 publish from Paho's own callback thread can deadlock it. */
  private final ExecutorService receiptThread = Executors.newSingleThreadExecutor();
  private volatile boolean receipts = true;
  private volatile java.time.Clock clock = java.time.Clock.systemUTC();
  private boolean closed;

  ControllerSpy(String brokerUrl, String screenId, Signer signer) throws MqttException {
    this.signer = signer;
    client = new MqttClient(brokerUrl, "spy-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    client.connect(options);
    client.subscribe(Topics.status(screenId), 1,
        (topic, message) -> statuses.add(Codec.decode(message.getPayload(), StatusMessage.class)));
    client.subscribe(Topics.events(screenId), 1,
        (topic, message) -> {
          // The events topic carries several kinds, told apart as the controller does.
          EventKind kind = EventKind.of(Codec.mapper().readTree(message.getPayload())).orElseThrow();
          Object event = Codec.decode(message.getPayload(), kind.type());
          events.add(event);
          switch (kind) {
            case SCHEDULE_ACK -> acks.add((ScheduleAck) event);
            case REJECTION -> rejections.add((RejectionEvent) event);
            case PLAY_BATCH -> {
              playBatches.add((PlayBatch) event);
              receipt(screenId, (PlayBatch) event);
            }
            case COMMAND_RESULT -> commandResults.add((CommandResult) event);
          }
        });
  }

  /**
   * Whether batches that ask for a receipt get one, as the controller sends once it stored them (on by
   * default); off plays a controller that died before storing them, or one older than receipts.
   */
  void sendReceipts(boolean on) {
    receipts = on;
  }

  /**
   * The controller's clock, which its receipts are stamped by (the real time unless set). The agent
   * learns its clock's offset from the controller's live messages, receipts among them.
   */
  void useClock(java.time.Clock controllerClock) {
    clock = controllerClock;
  }

  private void receipt(String screenId, PlayBatch batch) {
    if (!receipts || !batch.wantsReceipt()) {
      return;
    }
    String batchId = batch.header().messageId();
    byte[] envelope = signer.signToBytes(Signed.PLAY_RECEIPT,
        new PlayReceipt(Header.now(clock.instant()), screenId, batchId), null);
    try {
      receiptThread.execute(() -> {
        try {
          sendCommand(screenId, envelope);
          receipted.add(batchId);
        } catch (MqttException e) {
          throw new IllegalStateException("cannot send a receipt", e);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // A batch that arrives as the spy closes (the test is over) gets no receipt; thrown into Paho's callback
      // thread, the refusal broke the spy's own disconnect and failed the test (seen once in a full run).
    }
  }

  /** Signed with the test controller key, as the controller does. */
  void publishRetained(ScheduleMessage schedule) throws MqttException {
    publishRetained(schedule.screenId(), signer.signToBytes(Signed.SCHEDULE, schedule, null));
  }

  /** Exactly these bytes on the screen's schedule topic: for unsigned and forged schedules. */
  void publishRetained(String screenId, byte[] payload) throws MqttException {
    client.publish(Topics.schedule(screenId), payload, 1, true);
  }

  void sendCommand(String screenId, byte[] payload) throws MqttException {
    client.publish(Topics.commands(screenId), payload, 1, false);
  }

  /** Exactly these bytes, retained, on a cluster's alert topic. */
  void publishAlert(String clusterId, byte[] payload) throws MqttException {
    client.publish(Topics.alert(clusterId), payload, 1, true);
  }

  /** Exactly these bytes, retained, on a cluster's schedule topic. */
  void publishClusterSchedule(String clusterId, byte[] payload) throws MqttException {
    client.publish(Topics.clusterSchedule(clusterId), payload, 1, true);
  }

  @Override
  public void close() throws MqttException {
    if (closed) {
      return;
    }
    closed = true;
    receiptThread.shutdownNow();
    if (client.isConnected()) {
      // No quiesce: Paho's default waits up to 30 s for work in flight, and a test's end often leaves some (a
      // QoS 1 message from the agent not yet acknowledged); that cost a random 30 s after 1-3 tests of every run.
      try {
        client.disconnect(0);
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttException.REASON_CODE_CLIENT_DISCONNECTING) {
          throw e;
        }
        // Paho is already taking the connection down (it went between isConnected and here): nothing to do.
      }
    }
    client.close();
  }
}
