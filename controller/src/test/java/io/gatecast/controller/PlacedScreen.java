package io.gatecast.controller;

import io.gatecast.protocol.ClusterSchedule;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.RejectionEvent;
import io.gatecast.protocol.Placement;
import io.gatecast.protocol.ScheduleAck;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.ScreenState;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.rules.ScreenRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A stand-in for an agent that plays placements (issue 21): logs in as its screen, says so in its
 * heartbeat, follows its schedule topic and its gate's schedule topic, opens each message only if the
 * controller's key signed it, and answers APPLIED with both versions once it holds a placement and a
 * cluster schedule with its profile. A whole schedule on its own topic (a profile its gate's schedule had
 * no room for) it plays and answers as an agent does: a placement and a whole schedule share one version
 * sequence, the newest plays. What it receives is kept, duplicates included.
 */
final class PlacedScreen implements AutoCloseable {
  final List<Placement> placements = new CopyOnWriteArrayList<>();
  final List<ClusterSchedule> gateSchedules = new CopyOnWriteArrayList<>();
  /** The envelopes of {@link #gateSchedules}, as they came. */
  final List<byte[]> gateEnvelopes = new CopyOnWriteArrayList<>();
  final List<ScheduleMessage> wholeSchedules = new CopyOnWriteArrayList<>();
  /** The (placement, cluster schedule) versions it answered APPLIED, in order, as "v/g". */
  final List<String> applied = new CopyOnWriteArrayList<>();
  /** When set, its next try to play fails with this error, as an agent's does when a download breaks off. */
  volatile String failNextPlay;
  private final String screenId;
  private final String clusterId;
  private final PinnedKey key;
  private final MqttClient client;
  private final ScreenOutbox out;

  PlacedScreen(String brokerUrl, PinnedKey key, String screenId, String password, String clusterId)
      throws MqttException {
    this.screenId = screenId;
    this.clusterId = clusterId;
    this.key = key;
    client = new MqttClient(brokerUrl, screenId, new MemoryPersistence());
    out = new ScreenOutbox(client);
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setUserName(screenId);
    options.setPassword(password.toCharArray());
    client.connect(options);
    client.subscribe(Topics.schedule(screenId), 1, (topic, message) -> onOwnTopic(message.getPayload()));
    client.subscribe(Topics.clusterSchedule(clusterId), 1, (topic, message) -> onGate(message.getPayload()));
  }

  String screenId() {
    return screenId;
  }

  /** A live heartbeat saying it plays placements, what it plays, and the newest placement it received. */
  void heartbeat() throws MqttException {
    Optional<Placement> placement = latest(placements);
    Optional<ClusterSchedule> gate = latest(gateSchedules);
    client.publish(Topics.status(screenId), Codec.encode(new StatusMessage(Header.now(Instant.now()), screenId,
        ScreenState.ONLINE, applied.isEmpty() ? null : placement.map(Placement::version).orElse(null), null, 10L, null,
        applied.isEmpty() ? null : gate.map(ClusterSchedule::version).orElse(null), true,
        placement.map(Placement::version).orElse(null))), 1, true);
  }

  /**
   * A live heartbeat saying it plays its newest placement in its gate's schedule {@code gateVersion}, as
   * an agent would that a rolled-back broker handed an older gate schedule when it started afresh.
   */
  void heartbeatPlayingGate(long gateVersion) throws MqttException {
    client.publish(Topics.status(screenId), Codec.encode(new StatusMessage(Header.now(Instant.now()), screenId,
        ScreenState.ONLINE, latest(placements).map(Placement::version).orElse(null), null, 10L, null, gateVersion, true)),
        1, true);
  }

  /** Says it refused its gate's schedule as not newer than the one it holds, as an agent does on a rolled-back topic. */
  void refuseGateAsOlder() throws MqttException {
    client.publish(Topics.events(screenId), Codec.encode(new RejectionEvent(Header.now(Instant.now()), screenId,
        Topics.clusterSchedule(clusterId), Rejection.REPLAYED_OR_OLDER, "version 1 is not newer than 2", null)), 1,
        false);
  }

  /**
   * What it plays now: its newest whole schedule's rules, or its profile's rules in the newest cluster
   * schedule (with its own id and names), whichever came with the higher version.
   */
  Optional<ScreenRules> playing() {
    Optional<ScheduleMessage> whole = latest(wholeSchedules);
    Optional<Placement> placement = latest(placements);
    if (whole.isPresent() && placement.map(p -> p.version() < whole.get().version()).orElse(true)) {
      return Optional.of(whole.get().rules());
    }
    return placement.flatMap(p -> latest(gateSchedules).map(p::rulesIn));
  }

  private synchronized void onOwnTopic(byte[] payload) {
    if (!SignedSchedules.isPlacement(payload)) {
      ScheduleMessage whole = SignedSchedules.open(key, payload);
      wholeSchedules.add(whole);
      answer(new ScheduleAck(Header.now(Instant.now()), screenId, whole.version(), ScheduleAck.Outcome.APPLIED, null));
      return;
    }
    placements.add(SignedSchedules.open(key, payload, Signed.PLACEMENT, Placement.class));
    play();
  }

  private synchronized void onGate(byte[] payload) {
    ClusterSchedule gate = SignedSchedules.open(key, payload, Signed.CLUSTER_SCHEDULE, ClusterSchedule.class);
    if (!gate.clusterId().equals(clusterId)) {
      throw new IllegalStateException("a cluster schedule of " + gate.clusterId() + " on " + clusterId + "'s topic");
    }
    gateSchedules.add(gate);
    gateEnvelopes.add(payload);
    play();
  }

  private void play() {
    Optional<Placement> placement = latest(placements);
    Optional<ClusterSchedule> gate = latest(gateSchedules);
    if (placement.isEmpty() || gate.isEmpty() || !gate.get().profiles().containsKey(placement.get().profileId())) {
      return; // waits for a cluster schedule with its profile, as the agent does
    }
    String versions = placement.get().version() + "/" + gate.get().version();
    if (applied.contains(versions)) {
      return; // a repeat: already played
    }
    String failure = failNextPlay;
    if (failure != null) {
      failNextPlay = null;
      answer(new ScheduleAck(Header.now(Instant.now()), screenId, placement.get().version(), ScheduleAck.Outcome.FAILED,
          failure, gate.get().version()));
      return;
    }
    applied.add(versions);
    answer(new ScheduleAck(Header.now(Instant.now()), screenId, placement.get().version(), ScheduleAck.Outcome.APPLIED,
        null, gate.get().version()));
  }

  /** Tries again to play what it holds, as an agent retries a schedule whose download failed. */
  synchronized void retry() {
    play();
  }

  private void answer(ScheduleAck ack) {
    out.send(Topics.events(screenId), Codec.encode(ack));
  }

  private static <T> Optional<T> latest(List<T> list) {
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
  }

  @Override
  public void close() throws MqttException {
    out.drain(Duration.ofSeconds(30));
    if (client.isConnected()) {
      client.disconnect();
    }
    client.close();
  }
}
