package io.gatecast.agent.link;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.agent.journal.Outbox;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.protocol.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's MQTT session: client id = screen id, a retained OFFLINE last-will on its status
 * topic, its schedule and commands topics subscribed at QoS 1, and reconnects with capped, jittered back-off.
 *
 * <p>Reconnecting is done here rather than by Paho's automaticReconnect: Paho does not retry a
 * failed <em>first</em> connect (a kiosk booting before its 4G link is up), has no jitter, and
 * one code path for "never connected" and "connection lost" is easier to trust.
 *
 * <p>Persistent session (cleanSession=false): the broker keeps this screen's subscriptions and
 * queues the QoS 1 commands published while it was offline, delivered on reconnect. It still
 * resubscribes after every connect, so a broker that lost its sessions (restarted without
 * persistence) cannot leave it deaf; the schedule is retained and comes back on subscribe anyway.
 *
 * <p>Several broker addresses (the nodes of a clustered broker, {@code --broker a,b,c}): every
 * connect attempt hands Paho the whole list ({@code serverURIs}), which tries them in the order
 * given and keeps the first that accepts. A node that dies drops the connection; the reconnect after
 * the back-off starts again from the first address, so the agent lands on the first node that
 * answers. The persistent session (subscriptions, queued commands) belongs to the broker cluster,
 * not to one node, on brokers that replicate it (NATS with JetStream keeps it in a replicated
 * stream); the retained schedule arrives again on resubscribe either way.
 *
 * <p>Events are not published from here directly: the {@code journal.Outbox} journals them and
 * calls {@link #publishConfirmed} in order, one at a time.
 */
public final class MqttSession implements AutoCloseable, Outbox.Link {
  private static final Logger LOG = LoggerFactory.getLogger(MqttSession.class);
  private static final int QOS = 1;
  private static final long CLOSE_TIMEOUT_MILLIS = 2000;
  /** How long an event may wait for its PUBACK before the outbox tries it again. */
  private static final long CONFIRM_TIMEOUT_MILLIS = 15_000;

  /** What the session hands out. Called on Paho's thread: implementations must not block. */
  public interface Listener {
    void onSchedule(byte[] payload);

    void onCommand(byte[] payload);

    void onConnected();

    /** A message on the cluster alert topic this session follows (see {@link #followCluster}). */
    default void onAlert(String clusterId, byte[] payload) {}

    /** A message on the cluster schedule topic this session follows (see {@link #followCluster}). */
    default void onClusterSchedule(String clusterId, byte[] payload) {}
  }

  private final String screenId;
  /** Every broker address, in the order tried; the first is also the client's own server URI. */
  private final java.util.List<String> brokerUrls;
  /** For log lines: every address, comma-separated, until a connect names the one that answered. */
  private final String brokerUrl;
  private final String username;
  private final char[] password;
  private final Supplier<StatusMessage> lastWill;
  private final ScheduledExecutorService scheduler;
  /** Given at {@link #start}: nothing arrives before the first connect. */
  private volatile Listener listener;
  private final Backoff backoff;
  /** Replaced before every reconnect attempt (see {@link #connect}); volatile for the outbox and heartbeat threads. */
  private volatile MqttAsyncClient client;
  /** When the current connection came up ({@link System#nanoTime}); -1 while down. */
  private volatile long connectedAtNanos = -1;
  /** The client whose subscriptions the broker granted; a reconnect makes a new client. */
  private volatile MqttAsyncClient listeningClient;
  private boolean attempted;
  private final ClockOffset clockOffset;
  private volatile boolean stopped;
  /** The cluster topics followed; null before the screen knows its cluster. */
  private volatile Following following;
  private final SSLSocketFactory tls;
  /** Why the last connection attempt failed or the link was lost; null once connected. */
  private volatile String lastFailure;

  /**
   * @param lastWill builds the OFFLINE status the broker publishes for us if we vanish
   * @param scheduler runs connect attempts; never blocked by this class
   * @param clockOffset fed the {@code header.sentAt} of every live (not retained) controller message
   */
  public MqttSession(String brokerUrl, String screenId, String username, String password,
      Supplier<StatusMessage> lastWill, ScheduledExecutorService scheduler, ClockOffset clockOffset)
      throws MqttException {
    this(brokerUrl, screenId, username, password, lastWill, scheduler, clockOffset, null);
  }

  /**
   * @param tls for an {@code ssl://} broker: sockets trusting the {@code --ca-file} (Paho still
   *     checks the broker's host name against its certificate); null for the JVM's default trust
   */
  public MqttSession(String brokerUrl, String screenId, String username, String password,
      Supplier<StatusMessage> lastWill, ScheduledExecutorService scheduler, ClockOffset clockOffset,
      SSLSocketFactory tls) throws MqttException {
    this.tls = tls;
    this.clockOffset = clockOffset;
    this.brokerUrls = io.gatecast.protocol.BrokerUrls.parse(brokerUrl, "brokerUrl");
    this.brokerUrl = brokerUrl;
    this.screenId = screenId;
    this.username = username;
    this.password = password == null ? null : password.toCharArray();
    this.lastWill = lastWill;
    this.scheduler = scheduler;
    this.backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random());
    this.client = newClient();
  }

  /**
   * Memory persistence: Paho's default writes in-flight messages to the working directory; what
   * must survive a restart is in the outbox journal.
   */
  private MqttAsyncClient newClient() throws MqttException {
    MqttAsyncClient fresh = new MqttAsyncClient(brokerUrls.get(0), screenId, new MemoryPersistence());
    fresh.setCallback(new Callback());
    return fresh;
  }

  /**
   * Starts connecting in the background and hands what arrives to {@code arrivals}; returns at
   * once. The listener comes here, not in the constructor, so the parts it feeds may themselves be
   * built on this session (the outbox and heartbeats publish through it).
   */
  public void start(Listener arrivals) {
    this.listener = java.util.Objects.requireNonNull(arrivals, "arrivals");
    scheduler.execute(this::connect);
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  /** How long the current connection has been up (zero while there is none), on the monotonic clock. */
  public Duration connectedFor() {
    long since = connectedAtNanos;
    return since < 0 || !client.isConnected() ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
  }

  /**
   * Connected, and the broker granted this connection's subscriptions: a command sent now is heard.
   * {@link #isConnected()} turns true a round trip earlier, and a command sent in between is lost
   * (commands are not retained; the controller sends again while it has no answer).
   */
  public boolean isListening() {
    MqttAsyncClient current = client;
    return current.isConnected() && listeningClient == current;
  }

  /** The broker address this session is connected to (one of the list), or null while it is not connected. */
  public String connectedTo() {
    MqttAsyncClient current = client;
    return current.isConnected() ? current.getCurrentServerURI() : null;
  }

  public void publishStatus(StatusMessage status) {
    publish(Topics.status(screenId), Codec.encode(status), true);
  }

  /**
   * The cluster topics followed: the cluster's alerts, and its schedule when the screen is placed in it.
   * The schedule topic is asked for only then, so an agent whose controller sends whole schedules
   * asks its broker for nothing an older controller's rules would refuse.
   */
  private record Following(String clusterId, boolean schedule) {
    List<String> topics() {
      return schedule ? List.of(Topics.alert(clusterId), Topics.clusterSchedule(clusterId)) : List.of(Topics.alert(clusterId));
    }
  }

  /**
   * Subscribes to this cluster's alert topic and, when {@code schedule}, its schedule topic (both
   * retained: what is in force arrives at once), now and after every reconnect, leaving the previous
   * cluster's. The cluster is known from the applied schedule's profile or the screen's placement,
   * so it can change with either.
   */
  public void followCluster(String newClusterId, boolean schedule) {
    Following old = following;
    Following next = new Following(newClusterId, schedule);
    if (next.equals(old)) {
      return;
    }
    following = next;
    if (!client.isConnected()) {
      return; // subscribed on connect
    }
    List<String> leaving = old == null ? List.of() : old.topics().stream().filter(t -> !next.topics().contains(t)).toList();
    List<String> joining = next.topics().stream().filter(t -> old == null || !old.topics().contains(t)).toList();
    for (String topic : leaving) {
      try {
        client.unsubscribe(topic);
      } catch (MqttException e) {
        LOG.warn("leaving {} failed: {}", topic, describe(e));
      }
    }
    if (!joining.isEmpty()) {
      join(client, joining);
    }
  }

  /**
   * Subscribes again to the followed cluster's schedule topic, so that the broker hands its retained
   * message once more: a broker can take a gate's schedule and not hand it to a subscription made at
   * that moment (a NATS node whose JetStream was electing new leaders after another node's loss left a
   * placed screen waiting). Nothing when {@code clusterId}'s schedule is not followed or the link is
   * down (the connect subscribes to everything followed).
   */
  public void askAgainForClusterSchedule(String clusterId) {
    Following cluster = following;
    MqttAsyncClient asking = client;
    if (cluster == null || !cluster.schedule() || !cluster.clusterId().equals(clusterId) || !asking.isConnected()) {
      return;
    }
    String topic = Topics.clusterSchedule(clusterId);
    try {
      asking.unsubscribe(topic); // a new subscription, not a renewed one: every broker hands retained messages to it
    } catch (MqttException e) {
      LOG.warn("leaving {} to join it again failed: {}", topic, describe(e));
    }
    join(asking, List.of(topic));
  }

  /**
   * Subscribes a connected client to more topics. A refused or failed subscription would leave the
   * screen deaf to them (a placed screen would never hear its gate's schedule): as on connect, the
   * connection is then made again, and the connect subscribes to everything followed.
   */
  private void join(MqttAsyncClient subscribing, List<String> topics) {
    int[] qos = new int[topics.size()];
    java.util.Arrays.fill(qos, QOS);
    try {
      subscribing.subscribe(topics.toArray(String[]::new), qos, null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          int[] granted = token.getGrantedQos();
          for (int i = 0; i < topics.size(); i++) {
            if (granted != null && granted.length > i && granted[i] == 0x80) {
              LOG.error("the broker refused the subscription to {}", topics.get(i));
              reconnectLater(subscribing, "the broker refused the subscription to " + topics.get(i));
              return;
            }
          }
          topics.forEach(topic -> LOG.info("subscribed to {}", topic));
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
          reconnectLater(subscribing, "subscribing to " + String.join(" and ", topics) + " failed: " + describe(failure));
        }
      });
    } catch (MqttException e) {
      reconnectLater(subscribing, "subscribing to " + String.join(" and ", topics) + " failed: " + describe(e));
    }
  }

  /** One event on the events topic at QoS 1; returns once the broker acknowledged it (for the outbox). */
  @Override
  public void publishConfirmed(byte[] payload) throws MqttException {
    client.publish(Topics.events(screenId), payload, QOS, false).waitForCompletion(CONFIRM_TIMEOUT_MILLIS);
  }

  /**
   * Synchronized with {@link #close(StatusMessage)}: once the session is stopping, no heartbeat
   * may follow (and so replace, being retained) the final OFFLINE status.
   */
  private synchronized void publish(String topic, byte[] payload, boolean retained) {
    if (stopped) {
      LOG.debug("stopping; not publishing to {}", topic);
      return;
    }
    if (!client.isConnected()) {
      // Heartbeats resume on reconnect: only the latest status matters, so none is kept.
      LOG.debug("not connected; not publishing to {}", topic);
      return;
    }
    try {
      client.publish(topic, payload, QOS, retained);
    } catch (MqttException e) {
      LOG.warn("publishing to {} failed: {}", topic, e.toString());
    }
  }

  private void connect() {
    if (stopped) {
      return;
    }
    if (attempted) {
      // A fresh client for every reconnect: with a persistent session, the old one would re-send
      // its unacknowledged publishes with the DUP flag, and Moquette 0.17 (our embedded broker)
      // wedges the whole session on a DUP QoS 1 publish (PostOffice retains the payload 0 times
      // and throws). Nothing is lost: the outbox re-sends what was not confirmed, and the broker
      // keeps the session (subscriptions, queued messages) under our client id.
      try {
        client.close(true);
      } catch (MqttException e) {
        LOG.debug("closing the previous MQTT client: {}", e.toString());
      }
      try {
        client = newClient();
      } catch (MqttException e) {
        retryAfter("cannot create an MQTT client: " + describe(e));
        return;
      }
    }
    attempted = true;
    MqttAsyncClient client = this.client;
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(false);
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval(30);
    options.setConnectionTimeout(10);
    options.setMaxInflight(32);
    if (brokerUrls.size() > 1) {
      options.setServerURIs(brokerUrls.toArray(String[]::new));
    }
    // 3.1.1 only: by default Paho tries 3.1 after a failed 3.1.1 CONNECT, one more wasted round per node.
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    // Built per attempt so the will's header is fresh.
    options.setWill(Topics.status(screenId), Codec.encode(lastWill.get()), QOS, true);
    if (tls != null) {
      options.setSocketFactory(tls);
    }
    if (username != null) {
      options.setUserName(username);
      if (password != null) {
        options.setPassword(password);
      }
    }
    try {
      client.connect(options, null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          LOG.info("connected to {} as {}", client.getCurrentServerURI(), screenId);
          connectedAtNanos = System.nanoTime();
          lastFailure = null;
          backoff.reset();
          subscribe();
          listener.onConnected();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
          retryAfter("cannot connect to " + brokerUrl + ": " + describe(failure));
        }
      });
    } catch (MqttException e) {
      retryAfter("cannot connect to " + brokerUrl + ": " + describe(e));
    }
  }

  private void subscribe() {
    Following cluster = following;
    List<String> all = new ArrayList<>(List.of(Topics.schedule(screenId), Topics.commands(screenId)));
    if (cluster != null) {
      all.addAll(cluster.topics());
    }
    String[] topics = all.toArray(String[]::new);
    String topic = String.join(" and ", topics);
    int[] qos = new int[topics.length];
    java.util.Arrays.fill(qos, QOS);
    MqttAsyncClient subscribing = client;
    try {
      subscribing.subscribe(topics, qos, null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          int[] granted = token.getGrantedQos();
          String refused = null;
          for (int i = 0; i < topics.length; i++) {
            if (granted != null && granted.length > i && granted[i] == 0x80) {
              LOG.error("the broker refused the subscription to {}", topics[i]);
              refused = topics[i];
            } else {
              LOG.info("subscribed to {}", topics[i]);
            }
          }
          if (refused != null) {
            reconnectLater(subscribing, "the broker refused the subscription to " + refused);
          } else {
            listeningClient = subscribing;
          }
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
          reconnectLater(subscribing, "subscribing to " + topic + " failed: " + describe(failure));
        }
      });
    } catch (MqttException e) {
      reconnectLater(subscribing, "subscribing to " + topic + " failed: " + describe(e));
    }
  }

  /**
   * A connection without its subscriptions would heartbeat as ONLINE and never hear a schedule or
   * command, so it is dropped and made again after the back-off. A clustered broker refuses
   * subscriptions for a few seconds after one of its nodes died (NATS while JetStream elects new
   * leaders); a broker that keeps refusing (wrong rights) is retried at the back-off's pace, each
   * time with this reason in the log. Runs on the scheduler: Paho must not be disconnected from its
   * own callback thread.
   */
  private void reconnectLater(MqttAsyncClient failed, String why) {
    try {
      scheduler.execute(() -> {
        if (stopped || client != failed) {
          return; // stopping, or a reconnect already replaced this client
        }
        try {
          failed.disconnectForcibly(0, 0, false);
        } catch (MqttException e) {
          LOG.debug("dropping the connection: {}", e.toString());
        }
        retryAfter(why + "; reconnecting");
      });
    } catch (RejectedExecutionException e) {
      LOG.debug("not reconnecting: shutting down");
    }
  }

  private void retryAfter(String why) {
    connectedAtNanos = -1;
    if (stopped) {
      return;
    }
    lastFailure = why;
    Duration delay = backoff.next();
    LOG.warn("{}; retrying in {} ms", why, delay.toMillis());
    try {
      scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("not retrying: shutting down");
    }
  }

  /** Why the link is down (the last connect failure or loss), or null while connected or not yet tried. */
  public String lastFailure() {
    return lastFailure;
  }

  private static String describe(Throwable failure) {
    if (failure == null) {
      return "unknown error";
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        // Said plainly: a kiosk technician reads this, and Paho's own message is "MqttException".
        return "the broker's TLS certificate is not trusted or does not match its host name (check --ca-file): " + t;
      }
    }
    Throwable cause = failure.getCause();
    return cause != null ? failure.getMessage() + " (" + cause + ")" : String.valueOf(failure.getMessage());
  }

  /**
   * Drops the connection without a DISCONNECT and stops reconnecting, as a power cut would; the
   * broker then publishes our last-will. For tests and failure demos.
   */
  public void abort() {
    stopped = true;
    try {
      client.disconnectForcibly(0, 0, false);
    } catch (MqttException e) {
      LOG.debug("abort: {}", e.toString());
    }
  }

  /** Publishes {@code offline} (retained) if connected, then disconnects cleanly. */
  public synchronized void close(StatusMessage offline) {
    stopped = true;
    try {
      if (client.isConnected()) {
        IMqttDeliveryToken token = client.publish(Topics.status(screenId), Codec.encode(offline), QOS, true);
        token.waitForCompletion(CLOSE_TIMEOUT_MILLIS);
        client.disconnect(CLOSE_TIMEOUT_MILLIS).waitForCompletion(CLOSE_TIMEOUT_MILLIS);
      }
    } catch (MqttException e) {
      LOG.warn("clean disconnect failed: {}", e.toString());
    } finally {
      try {
        client.close(true);
      } catch (MqttException e) {
        LOG.debug("close: {}", e.toString());
      }
    }
  }

  @Override
  public void close() {
    close(lastWill.get());
  }

  /**
   * Reads {@code payload.header.sentAt} of a signed envelope for the clock offset. Not verified
   * here (the applier verifies what it acts on); only a diagnostic figure depends on it, and the
   * broker lets no one but the controller publish to this screen.
   */
  private void sampleClock(byte[] envelope) {
    try {
      JsonNode sentAt = Codec.mapper().readTree(envelope).path("payload").path("header").path("sentAt");
      if (sentAt.isTextual()) {
        clockOffset.sample(Instant.parse(sentAt.asText()));
      }
    } catch (java.io.IOException | DateTimeParseException e) {
      LOG.debug("no clock sample from a message: {}", e.toString());
    }
  }

  private final class Callback implements MqttCallback {
    @Override
    public void connectionLost(Throwable cause) {
      retryAfter("connection to " + client.getCurrentServerURI() + " lost: " + describe(cause));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      if (!message.isRetained()) {
        sampleClock(message.getPayload());
      }
      Following cluster = following;
      if (topic.equals(Topics.schedule(screenId))) {
        listener.onSchedule(message.getPayload());
      } else if (topic.equals(Topics.commands(screenId))) {
        listener.onCommand(message.getPayload());
      } else if (cluster != null && topic.equals(Topics.alert(cluster.clusterId()))) {
        listener.onAlert(cluster.clusterId(), message.getPayload());
      } else if (cluster != null && cluster.schedule() && topic.equals(Topics.clusterSchedule(cluster.clusterId()))) {
        listener.onClusterSchedule(cluster.clusterId(), message.getPayload());
      } else {
        LOG.debug("ignoring a message on {}", topic);
      }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // The outbox waits on each token itself.
    }
  }
}
