package io.gatecast.controller.fleet;

import io.gatecast.controller.broker.MqttLink;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.store.DeliveryRepository;
import io.gatecast.controller.store.RejectionRecord;
import io.gatecast.controller.store.RejectionRepository;
import io.gatecast.controller.store.ScreenRepository;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.ProtocolException;
import io.gatecast.protocol.RejectionEvent;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.Topics.Kind;
import io.gatecast.protocol.Topics.Topic;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each screen's health current: heartbeats and last-wills from the status topics, schedule
 * answers and refusals (messages the agent would not play) from the events topics, and a periodic sweep that marks screens silent for longer than
 * the heartbeat timeout offline (an agent whose network vanished sends no last-will at once; its
 * broker only notices after the keep-alive runs out).
 */
public final class FleetMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FleetMonitor.class);
  private final Database db;
  private final Clock clock;
  private final Duration heartbeatTimeout;
  private final ScreenRepository screens = new ScreenRepository();
  private final DeliveryRepository deliveries = new DeliveryRepository();
  private final RejectionRepository rejections = new RejectionRepository();
  private final Vertx vertx;
  private long sweepTimer = -1;

  public FleetMonitor(Vertx vertx, Database db, Clock clock, Duration heartbeatTimeout) {
    this.vertx = vertx;
    this.db = db;
    this.clock = clock;
    this.heartbeatTimeout = heartbeatTimeout;
  }

  /** Subscribes to every screen's status and events and starts the silence sweep. Blocking. */
  public void start(MqttLink mqtt, Duration sweepEvery) {
    mqtt.subscribe(Topics.everyOne(Kind.STATUS), this::onStatus);
    mqtt.subscribe(Topics.everyOne(Kind.EVENTS), this::onEvent);
    sweepTimer = vertx.setPeriodic(sweepEvery.toMillis(), id -> sweep());
  }

  void onStatus(String topic, byte[] payload) {
    Topic parsed = Topics.parse(topic).orElse(null);
    StatusMessage status = decode(payload, StatusMessage.class, topic);
    if (parsed == null || status == null) {
      return;
    }
    if (!parsed.id().equals(status.screenId())) {
      LOG.warn("ignored a status for screen {} sent on {}", status.screenId(), topic);
      return;
    }
    Instant seenAt = clock.instant();
    db.transaction(c -> screens.recordStatus(c, status.screenId(), status.state(), seenAt,
            status.appliedVersion(), status.currentContentId()))
        .onSuccess(known -> {
          if (!known) {
            LOG.warn("status from unregistered screen {} ignored", status.screenId());
          }
        })
        .onFailure(e -> LOG.error("cannot record status of {}", status.screenId(), e));
  }

  /** The events topic carries two kinds; a {@link RejectionEvent} says so in its {@code event} member. */
  void onEvent(String topic, byte[] payload) {
    JsonNode tree = decode(payload, JsonNode.class, topic);
    if (tree == null) {
      return;
    }
    if (RejectionEvent.EVENT.equals(tree.path("event").asText(null))) {
      onRejection(topic, payload);
    } else {
      onAck(topic, payload);
    }
  }

  private void onRejection(String topic, byte[] payload) {
    Topic parsed = Topics.parse(topic).orElse(null);
    RejectionEvent event = decode(payload, RejectionEvent.class, topic);
    if (parsed == null || event == null || !parsed.id().equals(event.screenId())) {
      return;
    }
    RejectionRecord record = new RejectionRecord(clock.instant(), event.topic(), event.reason().name(), event.detail(),
        event.messageId());
    // Logged loudly: a refusal may be someone publishing what the controller did not sign.
    LOG.warn("screen {} refused a message on {}: {} {}", event.screenId(), event.topic(), event.reason(), event.detail());
    db.transaction(c -> {
      if (!screens.exists(c, event.screenId())) {
        return false;
      }
      rejections.record(c, event.screenId(), record);
      return true;
    }).onSuccess(known -> {
      if (!known) {
        LOG.warn("rejection from unregistered screen {} not stored", event.screenId());
      }
    }).onFailure(e -> LOG.error("cannot record the rejection of {}", event.screenId(), e));
  }

  private void onAck(String topic, byte[] payload) {
    Topic parsed = Topics.parse(topic).orElse(null);
    ScheduleAck ack = decode(payload, ScheduleAck.class, topic);
    if (parsed == null || ack == null || !parsed.id().equals(ack.screenId())) {
      return;
    }
    Instant now = clock.instant();
    db.transaction(c -> deliveries.recordAgentAnswer(c, ack.screenId(), ack.version(), ack.outcome().name(),
            ack.error(), now))
        .onFailure(e -> LOG.error("cannot record the answer of {}", ack.screenId(), e));
  }

  /** Marks screens silent for longer than the timeout offline. */
  public void sweep() {
    Instant silentSince = clock.instant().minus(heartbeatTimeout);
    db.transaction(c -> screens.markSilentOffline(c, silentSince))
        .onSuccess(this::logSilent)
        .onFailure(e -> LOG.error("offline sweep failed", e));
  }

  private void logSilent(List<String> ids) {
    if (!ids.isEmpty()) {
      LOG.info("no heartbeat for {}: offline {}", heartbeatTimeout, ids);
    }
  }

  private static <T> T decode(byte[] payload, Class<T> type, String topic) {
    try {
      return Codec.decode(payload, type);
    } catch (ProtocolException e) {
      LOG.warn("ignored a bad message on {}: {}", topic, e.getMessage());
      return null;
    }
  }

  @Override
  public void close() {
    if (sweepTimer >= 0) {
      vertx.cancelTimer(sweepTimer);
    }
  }
}
