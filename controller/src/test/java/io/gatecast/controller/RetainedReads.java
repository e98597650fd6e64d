package io.gatecast.controller;

import io.gatecast.protocol.ClusterSchedule;
import io.gatecast.protocol.PinnedKey;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Reads many screens' retained schedules (or placements), or their gates' schedules, as the screens read them — each logged in as itself on a
 * fresh clean session, subscribing to its own schedule topic — all at once. A screen may read only
 * its own topic, so one wildcard subscription cannot do it; reading them one after the other made
 * every screen with nothing retained yet cost a whole wait (200 screens: minutes per pass), while
 * here a pass costs one wait whatever the number of screens.
 */
final class RetainedReads {
  /**
   * How long a screen waits, after its SUBACK, for the retained message (the broker sends it right
   * after the SUBACK) before concluding nothing is retained.
   */
  private static final long READ_WAIT_MS = 5_000;
  /** A login or subscription that has not answered by then is counted as not read (read again next pass). */
  private static final int CONNECT_TIMEOUT_S = 30;

  private RetainedReads() {}

  /**
   * Each of {@code screens}' retained schedule (or placement) version: 0 when its subscription was
   * answered and nothing retained came; absent when the screen could not log in or subscribe (not known).
   */
  static Map<String, Long> versions(String broker, PinnedKey key, Map<String, String> passwords,
      List<String> screens) {
    Map<String, Long> versions = new LinkedHashMap<>();
    read(broker, passwords, screens, Topics::schedule, payload -> SignedSchedules.version(key, payload))
        .forEach((screen, read) -> versions.put(screen, read.orElse(0L)));
    return versions;
  }

  /**
   * The retained schedule of gate {@code clusterId} as {@code screen} (one of its screens) reads it:
   * empty when nothing is retained there. Throws when the screen could not log in or subscribe (not known).
   */
  static Optional<ClusterSchedule> gateSchedule(String broker, PinnedKey key, Map<String, String> passwords,
      String screen, String clusterId) {
    Optional<ClusterSchedule> read = read(broker, passwords, List.of(screen), s -> Topics.clusterSchedule(clusterId),
        payload -> SignedSchedules.open(key, payload, Signed.CLUSTER_SCHEDULE, ClusterSchedule.class)).get(screen);
    if (read == null) {
      throw new IllegalStateException(screen + " could not log in or subscribe to its gate's schedule");
    }
    return read;
  }

  /**
   * What each screen reads retained on its {@code topic}, opened by {@code open}: empty when its
   * subscription was answered and nothing retained came; absent when it could not log in or subscribe.
   */
  private static <T> Map<String, Optional<T>> read(String broker, Map<String, String> passwords, List<String> screens,
      Function<String, String> topic, Function<byte[], T> open) {
    Map<String, CompletableFuture<Optional<T>>> reads = new LinkedHashMap<>();
    List<MqttAsyncClient> clients = new ArrayList<>();
    try {
      for (String screen : screens) {
        CompletableFuture<Optional<T>> read = new CompletableFuture<>();
        reads.put(screen, read);
        try {
          MqttAsyncClient client = new MqttAsyncClient(broker, screen, new MemoryPersistence());
          clients.add(client);
          client.connect(options(screen, passwords.get(screen)), null,
              subscribeOnConnect(client, topic.apply(screen), open, read));
        } catch (MqttException e) {
          read.completeExceptionally(e);
        }
      }
      // Every read ends by itself: a message, READ_WAIT_MS after its SUBACK, or a failed/timed-out login.
      CompletableFuture.allOf(reads.values().toArray(CompletableFuture[]::new)).exceptionally(e -> null)
          .orTimeout(CONNECT_TIMEOUT_S + READ_WAIT_MS / 1000 + 30, TimeUnit.SECONDS).exceptionally(e -> null).join();
      Map<String, Optional<T>> outcomes = new LinkedHashMap<>();
      reads.forEach((screen, read) -> outcome(read).ifPresent(value -> outcomes.put(screen, value)));
      return outcomes;
    } finally {
      clients.forEach(RetainedReads::closeQuietly);
    }
  }

  private static MqttConnectOptions options(String screen, String password) {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setUserName(screen);
    options.setPassword(password.toCharArray());
    options.setConnectionTimeout(CONNECT_TIMEOUT_S);
    options.setAutomaticReconnect(false);
    return options;
  }

  private static <T> IMqttActionListener subscribeOnConnect(MqttAsyncClient client, String topic,
      Function<byte[], T> open, CompletableFuture<Optional<T>> read) {
    // QoS 0: the retained message comes without a PUBACK to answer, so leaving at once races nothing
    // (Moquette 0.17 can release a QoS 1 message twice when its PUBACK meets the disconnect).
    return PahoSteps.then(connected -> client.subscribe(topic, 0, null, PahoSteps.then(subscribed ->
        read.completeOnTimeout(Optional.empty(), READ_WAIT_MS, TimeUnit.MILLISECONDS), read), // nothing retained (yet)
        (t, message) -> {
          try {
            read.complete(Optional.of(open.apply(message.getPayload())));
          } catch (RuntimeException e) {
            read.completeExceptionally(e);
          }
        }), read);
  }

  private static <T> Optional<T> outcome(CompletableFuture<T> read) {
    if (!read.isDone()) {
      return Optional.empty();
    }
    try {
      return Optional.of(read.join());
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      return Optional.empty();
    }
  }

  private static void closeQuietly(MqttAsyncClient client) {
    try {
      if (client.isConnected()) {
        client.disconnect(0).waitForCompletion(5_000);
      }
    } catch (MqttException e) {
      // leaving anyway: the broker drops the session when the socket closes
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      // nothing more to release
    }
  }
}
