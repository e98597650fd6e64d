package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.protocol.Topics;
import java.time.Duration;
import java.util.List;

/** Access checks shared by the embedded-broker and the real-Mosquitto tests, so both brokers face the same story. */
final class BrokerChecks {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private BrokerChecks() {}

  /**
   * Screen a publishes on b's status and events, then on its own status. A broker handles one
   * connection's publishes in order, so once {@code watcher} (subscribed to every status and event)
   * has a's own message, the forged ones would have arrived before it: their absence is the proof,
   * with no waiting on time. Then b's own publish does arrive.
   */
  static void screenCannotPublishAsAnother(MqttProbe watcher, MqttProbe a, String idA, MqttProbe b, String idB)
      throws Exception {
    a.publish(Topics.status(idB), "forged-by-" + idA);
    a.publish(Topics.events(idB), "forged-by-" + idA);
    a.publish(Topics.status(idA), "own-" + idA);
    await().atMost(DEADLINE).until(() -> watcher.received().contains(Topics.status(idA) + " own-" + idA));
    assertThat(watcher.received()).noneMatch(message -> message.contains("forged"));

    b.publish(Topics.status(idB), "own-" + idB);
    await().atMost(DEADLINE).until(() -> watcher.received().contains(Topics.status(idB) + " own-" + idB));
    assertThat(watcher.received()).noneMatch(message -> message.contains("forged"));
  }

  /**
   * As {@link #screenCannotPublishAsAnother} for a broker that closes the connection of a client whose
   * publish it refuses (HiveMQ, as MQTT 3.1.1 allows: a 3.1.1 PUBACK cannot say "refused",
   * [MQTT-3.3.5-2]). Each forged publish must close a's connection; a then logs in again and publishes
   * on its own status, the fence: the forged message was refused before that connection closed, so
   * once the watcher has the fence it would have had the forged one.
   */
  static void screenCannotPublishAsAnotherClosing(MqttProbe watcher, String broker, String idA, String passwordA,
      MqttProbe b, String idB) throws Exception {
    for (String forged : List.of(Topics.status(idB), Topics.events(idB))) {
      MqttProbe a = MqttProbe.connect(broker, idA, passwordA);
      a.publishExpectingClose(forged, "forged-by-" + idA);
      await().atMost(DEADLINE).until(() -> !a.isConnected());
      a.close();
    }
    try (MqttProbe a = MqttProbe.connect(broker, idA, passwordA)) {
      a.publish(Topics.status(idA), "own-" + idA);
      await().atMost(DEADLINE).until(() -> watcher.received().contains(Topics.status(idA) + " own-" + idA));
      assertThat(a.isConnected()).as("a publishing on its own topic stays connected").isTrue();
    }
    assertThat(watcher.received()).noneMatch(message -> message.contains("forged"));

    b.publish(Topics.status(idB), "own-" + idB);
    await().atMost(DEADLINE).until(() -> watcher.received().contains(Topics.status(idB) + " own-" + idB));
    assertThat(watcher.received()).noneMatch(message -> message.contains("forged"));
  }

  /**
   * Screen a tries to subscribe to b's schedule and commands; then the controller publishes to b's
   * schedule and commands and, last, to a's own schedule. Once a has its own message (the fence,
   * ordered after the others by the one publishing connection), it must have nothing of b's, while b
   * gets its own. Returns the QoS the broker granted a for b's schedule: Moquette refuses the
   * SUBSCRIBE itself (128); Mosquitto 2.0's acl_file grants it and checks "read" at delivery instead.
   */
  static int screenCannotReadAnothers(MqttProbe controller, MqttProbe a, String idA, MqttProbe b, String idB)
      throws Exception {
    int granted = a.subscribe(Topics.schedule(idB));
    a.subscribe(Topics.commands(idB));
    assertThat(a.subscribe(Topics.schedule(idA))).isEqualTo(1);
    assertThat(b.subscribe(Topics.schedule(idB))).isEqualTo(1);
    assertThat(b.subscribe(Topics.commands(idB))).isEqualTo(1);

    controller.publish(Topics.schedule(idB), "for-" + idB);
    controller.publish(Topics.commands(idB), "for-" + idB);
    controller.publish(Topics.schedule(idA), "for-" + idA);
    await().atMost(DEADLINE).until(() -> a.received().contains(Topics.schedule(idA) + " for-" + idA));
    assertThat(a.received()).noneMatch(message -> message.contains("for-" + idB));
    await().atMost(DEADLINE).until(() -> b.received().containsAll(
        List.of(Topics.schedule(idB) + " for-" + idB, Topics.commands(idB) + " for-" + idB)));
    return granted;
  }

  /**
   * Screen a, of gate {@code clusterA}, may read its own gate's schedule and not another's: it asks
   * for both; the controller publishes to the other gate's and then, the fence, to a's own. Once a has
   * its own it must have nothing of the other's. Returns the QoS the broker granted a for the other
   * gate's schedule (as {@link #screenCannotReadAnothers}: refused, or granted and filtered at delivery).
   */
  static int screenReadsOnlyItsOwnGatesSchedule(MqttProbe controller, MqttProbe a, String clusterA, String otherCluster)
      throws Exception {
    int granted = a.subscribe(Topics.clusterSchedule(otherCluster));
    assertThat(a.subscribe(Topics.clusterSchedule(clusterA))).as("its own gate's schedule").isEqualTo(1);
    controller.publish(Topics.clusterSchedule(otherCluster), "for-" + otherCluster);
    controller.publish(Topics.clusterSchedule(clusterA), "for-" + clusterA);
    await().atMost(DEADLINE).until(() -> a.received().contains(Topics.clusterSchedule(clusterA) + " for-" + clusterA));
    assertThat(a.received()).noneMatch(message -> message.contains("for-" + otherCluster));
    return granted;
  }

  /**
   * Screen {@code attacker} logs in as itself but with the victim's client id while the victim is
   * offline with a command queued in its persistent session. The broker either refuses the login
   * ({@code refusedAtLogin}: the embedded broker) or gives the attacker a session of its own (Mosquitto
   * with {@code use_username_as_clientid true}); either way the attacker gets nothing and the victim
   * finds its queued command when it comes back.
   */
  static void clientIdTakeoverFails(String broker, ControllerCredentials controller, String attacker,
      String attackerPassword, String victim, String victimPassword, boolean refusedAtLogin) throws Exception {
    List<String> victimGot = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Integer> victimIds = new java.util.concurrent.CopyOnWriteArrayList<>();
    org.eclipse.paho.client.mqttv3.MqttClient victimClient = persistentClient(broker, victim, victimGot, victimIds);
    victimClient.connect(persistent(victim, victimPassword));
    victimClient.subscribe(Topics.commands(victim), 1);
    victimClient.disconnect(); // offline: its session keeps the subscription and queues QoS 1 messages

    String command = "queued-command-" + System.nanoTime();
    try (MqttProbe publisher = MqttProbe.connect(broker, controller.username(), controller.password())) {
      publisher.publishQos1(Topics.commands(victim), command);
    }

    List<String> attackerGot = new java.util.concurrent.CopyOnWriteArrayList<>();
    org.eclipse.paho.client.mqttv3.MqttClient impostor = persistentClient(broker, victim, attackerGot,
        new java.util.ArrayList<>());
    if (refusedAtLogin) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> impostor.connect(persistent(attacker, attackerPassword)))
          .as("a screen connecting with another's client id").isInstanceOf(org.eclipse.paho.client.mqttv3.MqttException.class);
      impostor.close();
    } else {
      impostor.connect(persistent(attacker, attackerPassword));
      impostor.disconnect();
      impostor.close();
    }

    victimClient.connect(persistent(victim, victimPassword));
    try {
      await().atMost(DEADLINE).until(() -> victimGot.contains(Topics.commands(victim) + " " + command));
      // Acknowledged here, before the DISCONNECT below is queued: Paho's own PUBACK leaves only after
      // messageArrived returns, and its disconnect does not wait for a callback still running (its quiesce
      // counts queued messages only), so the PUBACK could follow the DISCONNECT onto a socket the broker
      // had closed, and the disconnect fail with "Connection lost" (seen once in a full run, 2026-12-05).
      for (int id : victimIds) {
        victimClient.messageArrivedComplete(id, 1);
      }
    } finally {
      victimClient.disconnect();
      victimClient.close();
    }
    assertThat(attackerGot).as("what the impostor received").isEmpty();
    // Leave no persistent session behind for other tests.
    org.eclipse.paho.client.mqttv3.MqttClient cleaner = persistentClient(broker, victim, new java.util.ArrayList<>(),
        new java.util.ArrayList<>());
    org.eclipse.paho.client.mqttv3.MqttConnectOptions clean = persistent(victim, victimPassword);
    clean.setCleanSession(true);
    cleaner.connect(clean);
    cleaner.disconnect();
    cleaner.close();
  }

  /**
   * A client that records what it receives ("topic payload") and the ids of the QoS 1 messages among
   * them, which it does not acknowledge by itself ({@code messageArrivedComplete} does).
   */
  private static org.eclipse.paho.client.mqttv3.MqttClient persistentClient(String broker, String clientId,
      List<String> received, List<Integer> unacknowledged) throws org.eclipse.paho.client.mqttv3.MqttException {
    org.eclipse.paho.client.mqttv3.MqttClient client = new org.eclipse.paho.client.mqttv3.MqttClient(broker, clientId,
        new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
    client.setManualAcks(true);
    client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
        if (message.getQos() == 1) {
          unacknowledged.add(message.getId());
        }
        received.add(topic + " " + new String(message.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
      }

      @Override
      public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {}
    });
    return client;
  }

  private static org.eclipse.paho.client.mqttv3.MqttConnectOptions persistent(String username, String password) {
    org.eclipse.paho.client.mqttv3.MqttConnectOptions options = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
    options.setCleanSession(false);
    options.setMqttVersion(org.eclipse.paho.client.mqttv3.MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setUserName(username);
    options.setPassword(password.toCharArray());
    return options;
  }
}
