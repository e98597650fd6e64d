package io.gatecast.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.bench.fleet.Latencies;
import io.gatecast.controller.broker.ControllerCredentials;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.EventKind;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.PlayBatch;
import io.gatecast.protocol.PlayReceipt;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Signer;
import io.gatecast.protocol.Topics;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The floor's publisher: logs in to a broker as the controller and publishes already-signed
 * messages straight to it, with nothing behind (no database, no rules, no signing on the clock),
 * and listens to the events and status topics as the controller does, so the floor has a "controller view"
 * too and the broker forwards the same traffic as when a controller runs. With {@link #answerReceipts} on, it
 * also answers each proof-of-play batch that asks for one with a signed receipt, as the controller does
 * (without storing anything): the broker and the screens then carry the receipts on the floor too.
 */
public final class DirectPublisher implements AutoCloseable {
  /** One message to send. */
  public record Outgoing(String topic, byte[] payload, boolean retained) {}

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final MqttClient client;
  private final Context context = vertx.getOrCreateContext();
  private final Map<String, Long> expected = new ConcurrentHashMap<>();
  private final Map<String, Long> ackArrivedNanos = new ConcurrentHashMap<>();
  private volatile Signer receiptSigner;

  public DirectPublisher(String host, int port, ControllerCredentials login, int maxInflight) {
    this(host, port, login, maxInflight, true);
  }

  /**
   * {@code listensAsController} false: publishes only, for a broker where the controller itself runs and
   * already takes the fleet's events and heartbeats (a second listener would double the broker's forwarding).
   */
  public DirectPublisher(String host, int port, ControllerCredentials login, int maxInflight,
      boolean listensAsController) {
    client = MqttClient.create(vertx, new MqttClientOptions().setClientId("bench-floor-publisher")
        .setUsername(login.username()).setPassword(login.password()).setCleanSession(true)
        .setMaxInflightQueue(maxInflight).setKeepAliveInterval(60).setAutoKeepAlive(true));
    client.publishHandler(message -> {
      if (Topics.parse(message.topicName()).map(t -> t.kind() == Topics.Kind.EVENTS).orElse(false)) {
        onEvent(message.payload().getBytes());
      }
    });
    // The controller's two subscriptions, at its QoS: the broker forwards the fleet's heartbeats on the floor
    // too, as it must wherever a controller runs (they are read and dropped here).
    onContext(() -> client.connect(port, host).compose(ack -> !listensAsController ? Future.succeededFuture()
        : client.subscribe(Map.of(Topics.everyOne(Topics.Kind.EVENTS), 1, Topics.everyOne(Topics.Kind.STATUS), 0))
            .mapEmpty())).await();
  }

  /** Runs {@code action} on the client's event loop (where an MQTT client must be used). */
  private <T> Future<T> onContext(java.util.function.Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  private void onEvent(byte[] payload) {
    long now = System.nanoTime();
    try {
      JsonNode tree = Codec.mapper().readTree(payload);
      EventKind kind = EventKind.of(tree).orElse(null);
      if (kind == EventKind.PLAY_BATCH) {
        answer(Codec.decode(payload, PlayBatch.class));
        return;
      }
      if (kind != EventKind.SCHEDULE_ACK) {
        return;
      }
      ScheduleAck ack = Codec.decode(payload, ScheduleAck.class);
      if (ack.version().equals(expected.get(ack.screenId()))) {
        ackArrivedNanos.putIfAbsent(ack.screenId(), now);
      }
    } catch (Exception e) {
      // not an ack this benchmark waits for
    }
  }

  /** On the event loop: the receipt the controller would send for {@code batch}, if it asks for one and receipts are on. */
  private void answer(PlayBatch batch) {
    Signer signer = receiptSigner;
    if (signer == null || !Boolean.TRUE.equals(batch.receipt())) {
      return;
    }
    byte[] receipt = signer.signToBytes(Signed.PLAY_RECEIPT,
        new PlayReceipt(Header.now(Instant.now()), batch.screenId(), batch.header().messageId()), null);
    client.publish(Topics.commands(batch.screenId()), Buffer.buffer(receipt), MqttQoS.AT_LEAST_ONCE, false, false);
  }

  /**
   * Answers the fleet's proof-of-play batches with receipts signed by {@code signer} from now on, as the
   * controller does; null stops. Only for a publisher that listens as the controller.
   */
  public void answerReceipts(Signer signer) {
    receiptSigner = signer;
  }

  /** Which version each screen must ack in the next push (resets what was seen). */
  public void expect(Map<String, Long> versions) {
    ackArrivedNanos.clear();
    expected.clear();
    expected.putAll(versions);
  }

  public int acksArrived() {
    return ackArrivedNanos.size();
  }

  /** From {@code t0Nanos} until each expected ack arrived here. */
  public Latencies ackArrival(long t0Nanos) {
    return new Latencies(ackArrivedNanos.values().stream().mapToDouble(t -> (t - t0Nanos) / 1e6).toArray());
  }

  /** Publishes every message at QoS 1 from the event loop; completes when the broker has acknowledged all. */
  public Future<Void> publishAll(List<Outgoing> messages) {
    return onContext(() -> {
      List<Future<Integer>> sends = new ArrayList<>(messages.size());
      for (Outgoing m : messages) {
        sends.add(client.publish(m.topic(), Buffer.buffer(m.payload()), MqttQoS.AT_LEAST_ONCE, false, m.retained()));
      }
      return Future.all(sends).mapEmpty();
    });
  }

  @Override
  public void close() {
    client.disconnect();
    vertx.close().await();
  }
}
