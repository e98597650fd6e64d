package io.gatecast.controller.broker;

import io.gatecast.protocol.BrokerUrls;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's MQTT client, the same code path for the embedded broker and an external one.
 * Subscriptions are remembered and renewed after every reconnect. Handlers run on Paho's thread
 * and must only hand work on (they do: to the database thread or the event loop).
 *
 * <p>What the broker refuses is never silent: a subscription it answers with "failure" (granted QoS
 * 0x80, e.g. an ACL that denies the controller {@code +/status}), a publish it does not take and a
 * lost connection are told to the {@link Watcher} (which makes {@code /health} degraded and counts
 * them), and a refused subscription is tried again with back-off until the broker grants it.
 */
public final class MqttLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);
  /** The longest wait between reconnect attempts, the same cap as the agent's back-off. */
  static final int MAX_RECONNECT_DELAY_SECONDS = 30;
  /**
   * How long the first connection may take before the start fails: Paho's own connection timeout
   * (30 s). It was 10 s, and on a loaded machine (2 cores at load 40) the embedded broker, started a
   * moment before, once took longer to answer the CONNECT, so the controller failed to start beside
   * a working broker. A broker that is down is refused at once, whatever this is.
   */
  private static final int FIRST_CONNECT_SECONDS = 30;
  /** QoS 1 publishes awaiting the broker's PUBACK before Paho refuses more ("too many publishes in progress"). */
  static final int MAX_IN_FLIGHT = 2000;
  /** What a broker answers in a SUBACK for a subscription it refuses. */
  static final int SUBSCRIPTION_REFUSED = 0x80;
  private static final long FIRST_RETRY_MS = 1_000;
  private static final long LONGEST_RETRY_MS = MAX_RECONNECT_DELAY_SECONDS * 1000L;
  private final MqttAsyncClient client;
  private final Map<String, BiConsumer<String, byte[]>> subscriptions = new ConcurrentHashMap<>();
  /**
   * Messages that arrived before any handler for them was registered: with a kept session the
   * broker delivers what it held at once after CONNECT, before {@link #subscribe} is called. Handed
   * to the first matching subscription; bounded (the oldest go first past {@value #HELD_LIMIT}).
   */
  private final java.util.ArrayDeque<Held> held = new java.util.ArrayDeque<>();
  static final int HELD_LIMIT = 100_000;

  private record Held(String topic, byte[] payload) {}

  /** The QoS each subscription asks for (see {@link #subscribe(String, int, BiConsumer)}). */
  private final Map<String, Integer> qualities = new ConcurrentHashMap<>();
  /** Failed tries per refused subscription since it was last granted, for the back-off. */
  private final Map<String, Integer> refusedTries = new ConcurrentHashMap<>();
  private final List<Runnable> reconnectHooks = new CopyOnWriteArrayList<>();
  /** Who is told, per filter, whether what is published there reaches the controller (see {@link #onHearing}). */
  private final Map<String, List<java.util.function.Consumer<Boolean>>> hearing = new ConcurrentHashMap<>();
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "mqtt-link-retry");
    thread.setDaemon(true);
    return thread;
  });
  private volatile Watcher watcher = Watcher.NONE;
  private volatile String serverUri = "the broker";
  // The controller closes the link before the fleet monitor it feeds, and again in its own turn.
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Hears what the broker refused and when it works again. {@code problem} and {@code resolved}
   * name the same {@code key}; both are called often (every publish), so they must be cheap and
   * must not block: they run on Paho's threads.
   */
  public interface Watcher {
    Watcher NONE = new Watcher() {
      @Override
      public void problem(String key, String sentence) {}

      @Override
      public void resolved(String key) {}
    };

    /** Something the broker refused or lost, said as a sentence an operator can act on. */
    void problem(String key, String sentence);

    /** What {@code key} named works again (it may never have failed). */
    void resolved(String key);
  }

  private MqttLink(MqttAsyncClient client) {
    this.client = client;
  }

  /**
   * Connects to {@code brokerUrl} as {@code credentials}. Blocking; fails with a message naming the broker.
   *
   * <p>{@code brokerUrl} may list several addresses separated by commas (the nodes of a clustered
   * broker, see docs/brokers.md): Paho is given them all ({@code serverURIs}) and tries them in
   * order, on the first connect and on every automatic reconnect, so the link lands on the first
   * node that answers and moves on when its node dies. Reconnects back off from 1 s, doubling up to
   * {@link #MAX_RECONNECT_DELAY_SECONDS} s (the agent's cap). Paho adds no jitter; there is one
   * controller, so there is no herd of reconnects to spread out.
   */
  public static MqttLink connect(String brokerUrl, String clientId, ControllerCredentials credentials) {
    return connect(brokerUrl, clientId, credentials, null);
  }

  /**
   * @param pinned for the embedded broker over TLS: trusts only the controller's own certificate.
   *     The host name is not checked then: the link may dial 0.0.0.0 or a name the certificate
   *     does not list, and a peer presenting exactly our certificate is our broker. Null: plain,
   *     or the JVM's default trust (with host name checks) for an external {@code ssl://} broker.
   */
  public static MqttLink connect(String brokerUrl, String clientId, ControllerCredentials credentials,
      SSLContext pinned) {
    return connect(brokerUrl, clientId, credentials, pinned, false);
  }

  /**
   * @param keepSession asks the broker to keep this client's session (clean session off) while it is
   *     away: what screens send at QoS 1 to its QoS 1 subscriptions (their events) is kept and
   *     delivered when it is back, on whichever node of a cluster. {@code clientId} must then be the
   *     same on every start (see {@link ControllerCredentials#clientId()}).
   */
  public static MqttLink connect(String brokerUrl, String clientId, ControllerCredentials credentials,
      SSLContext pinned, boolean keepSession) {
    try {
      List<String> urls = BrokerUrls.parse(brokerUrl, "--broker");
      MqttAsyncClient client = new MqttAsyncClient(urls.get(0), clientId, new MemoryPersistence());
      MqttLink link = new MqttLink(client);
      client.setCallback(link.new Callback());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(!keepSession);
      options.setAutomaticReconnect(true);
      options.setMaxReconnectDelay(MAX_RECONNECT_DELAY_SECONDS * 1000);
      // 3.1.1 only: by default Paho tries 3.1 after a failed 3.1.1 CONNECT, one more wasted round per node.
      options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
      if (urls.size() > 1) {
        options.setServerURIs(urls.toArray(String[]::new));
      }
      // A publish keeps two windows of 500 in flight (Publisher); room beside them for alerts and commands.
      options.setMaxInflight(MAX_IN_FLIGHT);
      options.setKeepAliveInterval(30);
      if (pinned != null) {
        options.setSocketFactory(pinned.getSocketFactory());
        options.setHttpsHostnameVerificationEnabled(false);
      }
      options.setUserName(credentials.username());
      options.setPassword(credentials.password().toCharArray());
      options.setConnectionTimeout(FIRST_CONNECT_SECONDS);
      client.connect(options).waitForCompletion(FIRST_CONNECT_SECONDS * 1000L);
      link.serverUri = client.getCurrentServerURI();
      return link;
    } catch (MqttException e) {
      String hint = e.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
          || e.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED
          ? ". The broker refused the login '" + credentials.username() + "': give an external broker the files of"
              + " 'controller export-mosquitto' (or 'export-nats'), or pass --broker-username/--broker-password."
          : ". Check that it runs, or leave out --broker to use the embedded one.";
      throw new IllegalStateException("cannot connect to the MQTT broker at " + brokerUrl + ": " + e.getMessage()
          + hint, e);
    }
  }

  /** Where refusals and recoveries are told from now on. */
  public void watch(Watcher watcher) {
    this.watcher = watcher == null ? Watcher.NONE : watcher;
  }

  /**
   * Runs {@code hook} after every reconnection (not the first connection), once the subscriptions
   * were asked again: the broker may have lost retained messages meanwhile. Runs on Paho's thread,
   * so it must only hand work on.
   */
  public void onReconnect(Runnable hook) {
    reconnectHooks.add(hook);
  }

  /**
   * Tells {@code listener} whether what is published on {@code filter} reaches the controller: true
   * each time the broker grants its subscription (at start and after every reconnection), false
   * when the connection is lost or the broker refuses it. Register before {@link #subscribe}. Runs
   * on Paho's threads, so it must only note the change.
   */
  public void onHearing(String filter, java.util.function.Consumer<Boolean> listener) {
    hearing.computeIfAbsent(filter, f -> new CopyOnWriteArrayList<>()).add(listener);
  }

  private void hears(String filter, boolean heard) {
    hearing.getOrDefault(filter, List.of()).forEach(listener -> listener.accept(heard));
  }

  /**
   * Subscribes at QoS 1 to {@code filter}; {@code handler} gets (topic, payload). Blocking until the
   * broker answered. Nothing here throws: a refusal or a subscription the broker does not answer is
   * reported to the {@link Watcher} and tried again with back-off, so fixing the broker's rules
   * recovers without a restart; with the connection down, the reconnection asks for it.
   */
  public void subscribe(String filter, BiConsumer<String, byte[]> handler) {
    subscribe(filter, 1, handler);
  }

  /**
   * {@link #subscribe(String, BiConsumer)} at {@code qos}: 0 for what must not be kept for the
   * controller while it is away (heartbeats: periodic and retained, a queued one would be stale news).
   */
  public void subscribe(String filter, int qos, BiConsumer<String, byte[]> handler) {
    List<Held> waiting = new java.util.ArrayList<>();
    synchronized (held) {
      subscriptions.put(filter, handler);
      for (java.util.Iterator<Held> it = held.iterator(); it.hasNext(); ) {
        Held message = it.next();
        if (org.eclipse.paho.client.mqttv3.MqttTopic.isMatched(filter, message.topic())) {
          waiting.add(message);
          it.remove();
        }
      }
    }
    if (!waiting.isEmpty()) {
      LOG.info("{} message(s) on {} kept by the broker while the controller was away", waiting.size(), filter);
    }
    waiting.forEach(message -> handler.accept(message.topic(), message.payload()));
    qualities.put(filter, qos);
    try {
      IMqttToken token = client.subscribe(filter, qos);
      token.waitForCompletion(10_000);
      granted(filter, token);
    } catch (MqttException e) {
      if (!client.isConnected()) {
        // The connection dropped (the embedded Moquette now and then closes a fresh one right after
        // CONNECT): the filter is remembered above, and the automatic reconnection asks for it again.
        // Failing here failed the whole start of a controller whose broker was back a moment later.
        LOG.warn("cannot subscribe to {} now ({}); asking again once reconnected", filter, e.getMessage());
      } else {
        refused(filter, "the MQTT broker at " + serverUri + " did not answer the controller's subscription to "
            + filter + " (" + e.getMessage() + ")");
      }
    }
  }

  /** Asks for {@code filter} again without waiting; the answer is checked like the first one. */
  private void resubscribe(String filter) {
    if (!subscriptions.containsKey(filter)) {
      return;
    }
    try {
      client.subscribe(filter, qualities.getOrDefault(filter, 1), null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          granted(filter, token);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
          refused(filter, "the MQTT broker at " + serverUri + " did not answer the controller's subscription to "
              + filter + " (" + failure.getMessage() + ")");
        }
      });
    } catch (MqttException e) {
      // Not connected: the reconnection asks again.
      LOG.debug("cannot renew subscription {} now: {}", filter, e.getMessage());
    }
  }

  private void granted(String filter, IMqttToken token) {
    int[] granted = token.getGrantedQos();
    boolean refused = granted == null || Arrays.stream(granted).anyMatch(qos -> qos >= SUBSCRIPTION_REFUSED);
    if (refused) {
      refused(filter, "the MQTT broker at " + serverUri + " refused the controller's subscription to " + filter
          + " (granted QoS " + (granted == null ? "none" : Arrays.toString(granted)) + "), so what screens send there"
          + " does not arrive; allow the controller's user to read it (see 'controller export-mosquitto' and"
          + " docs/brokers.md)");
    } else {
      refusedTries.remove(filter);
      watcher.resolved(subscriptionKey(filter));
      hears(filter, true);
    }
  }

  /** Reports the refusal and asks again after a back-off that doubles up to the reconnect cap (30 s); a subscription whose renewal after a reconnect fails (a clustered broker electing leaders) is asked again the same way. */
  private void refused(String filter, String sentence) {
    watcher.problem(subscriptionKey(filter), sentence);
    hears(filter, false);
    int tries = refusedTries.merge(filter, 1, Integer::sum);
    long delay = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS << Math.min(tries - 1, 16));
    try {
      retries.schedule(() -> resubscribe(filter), delay, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("closing; not asking for {} again", filter);
    }
  }

  static String subscriptionKey(String filter) {
    return "subscription " + filter;
  }

  /** Publishes at QoS 1; the future completes when the broker has acknowledged it. */
  public Future<Void> publish(String topic, byte[] payload, boolean retained) {
    return publish(topic, payload, retained, true);
  }

  /**
   * Publishes at QoS 1, not retained, a message whose loss its receiver makes good (a proof-of-play receipt:
   * the agent sends its batch again). Nothing is tried while the link is down or closed (a stopping
   * controller stores its last batches while or after its link closes), and a failure fails the future
   * without being reported as the broker's problem.
   */
  public Future<Void> publishBestEffort(String topic, byte[] payload) {
    if (closed.get() || !client.isConnected()) {
      return Future.failedFuture("the MQTT link is " + (closed.get() ? "closed" : "not connected"));
    }
    return publish(topic, payload, false, false);
  }

  private Future<Void> publish(String topic, byte[] payload, boolean retained, boolean reportRefusal) {
    Promise<Void> promise = Promise.promise();
    MqttMessage message = new MqttMessage(payload);
    message.setQos(1);
    message.setRetained(retained);
    try {
      client.publish(topic, message, null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          watcher.resolved(PUBLISH_KEY);
          promise.tryComplete();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
          if (reportRefusal) {
            publishRefused(topic, failure);
          }
          promise.tryFail(failure);
        }
      });
    } catch (MqttException e) {
      if (reportRefusal) {
        publishRefused(topic, e);
      }
      promise.tryFail(e);
    }
    return promise.future();
  }

  static final String PUBLISH_KEY = "publish";
  static final String CONNECTION_KEY = "connection";

  private void publishRefused(String topic, Throwable failure) {
    watcher.problem(PUBLISH_KEY, "the MQTT broker at " + serverUri + " did not take the controller's message on "
        + topic + " (" + failure.getMessage() + "); what did not go out is sent again (after a reconnection,"
        + " at the next publish or by the background re-send)");
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    retries.shutdownNow();
    try {
      client.disconnect().waitForCompletion(5_000);
    } catch (MqttException e) {
      LOG.debug("disconnect: {}", e.getMessage());
    }
    try {
      client.close();
    } catch (MqttException e) {
      LOG.debug("close: {}", e.getMessage());
    }
  }

  private final class Callback implements MqttCallbackExtended {
    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      MqttLink.this.serverUri = serverUri;
      watcher.resolved(CONNECTION_KEY);
      if (reconnect) {
        LOG.info("reconnected to {}; renewing {} subscriptions", serverUri, subscriptions.size());
        for (String filter : subscriptions.keySet()) {
          resubscribe(filter);
        }
        for (Runnable hook : reconnectHooks) {
          try {
            hook.run();
          } catch (RuntimeException e) {
            LOG.error("a reconnection hook failed", e);
          }
        }
      }
    }

    @Override
    public void connectionLost(Throwable cause) {
      LOG.warn("lost the MQTT connection: {}; reconnecting", cause.getMessage());
      watcher.problem(CONNECTION_KEY, "lost the connection to the MQTT broker at " + serverUri + " ("
          + cause.getMessage() + "); reconnecting");
      hearing.keySet().forEach(filter -> hears(filter, false));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      List<BiConsumer<String, byte[]>> handlers = new java.util.ArrayList<>();
      synchronized (held) {
        for (Map.Entry<String, BiConsumer<String, byte[]>> subscription : subscriptions.entrySet()) {
          if (org.eclipse.paho.client.mqttv3.MqttTopic.isMatched(subscription.getKey(), topic)) {
            handlers.add(subscription.getValue());
          }
        }
        if (handlers.isEmpty()) {
          // Kept for us while away and delivered before we subscribed again (see 'held').
          if (held.size() >= HELD_LIMIT) {
            held.removeFirst();
          }
          held.addLast(new Held(topic, message.getPayload()));
          return;
        }
      }
      handlers.forEach(handler -> handler.accept(topic, message.getPayload()));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }
}
