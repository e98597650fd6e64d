package io.gatecast.controller.broker;

import io.gatecast.protocol.BrokerUrls;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
 */
public final class MqttLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);
  /** The longest wait between reconnect attempts, the same cap as the agent's back-off. */
  static final int MAX_RECONNECT_DELAY_SECONDS = 30;
  private final MqttAsyncClient client;
  private final Map<String, BiConsumer<String, byte[]>> subscriptions = new ConcurrentHashMap<>();
  /** Retries of subscriptions a reconnect could not renew at once (see {@link #renew}). */
  private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "mqtt-renewals");
    thread.setDaemon(true);
    return thread;
  });

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
    try {
      List<String> urls = BrokerUrls.parse(brokerUrl, "--broker");
      MqttAsyncClient client = new MqttAsyncClient(urls.get(0), clientId, new MemoryPersistence());
      MqttLink link = new MqttLink(client);
      client.setCallback(link.new Callback());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(true);
      options.setAutomaticReconnect(true);
      options.setMaxReconnectDelay(MAX_RECONNECT_DELAY_SECONDS * 1000);
      // 3.1.1 only: by default Paho tries 3.1 after a failed 3.1.1 CONNECT, one more wasted round per node.
      options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
      if (urls.size() > 1) {
        options.setServerURIs(urls.toArray(String[]::new));
      }
      options.setMaxInflight(1000);
      options.setKeepAliveInterval(30);
      if (pinned != null) {
        options.setSocketFactory(pinned.getSocketFactory());
        options.setHttpsHostnameVerificationEnabled(false);
      }
      options.setUserName(credentials.username());
      options.setPassword(credentials.password().toCharArray());
      client.connect(options).waitForCompletion(10_000);
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

  /** Subscribes at QoS 1 to {@code filter}; {@code handler} gets (topic, payload). Blocking. */
  public void subscribe(String filter, BiConsumer<String, byte[]> handler) {
    subscriptions.put(filter, handler);
    try {
      client.subscribe(filter, 1).waitForCompletion(10_000);
    } catch (MqttException e) {
      throw new IllegalStateException("cannot subscribe to " + filter + ": " + e.getMessage(), e);
    }
  }

  /** Publishes at QoS 1; the future completes when the broker has acknowledged it. */
  public Future<Void> publish(String topic, byte[] payload, boolean retained) {
    Promise<Void> promise = Promise.promise();
    MqttMessage message = new MqttMessage(payload);
    message.setQos(1);
    message.setRetained(retained);
    try {
      client.publish(topic, message, null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          promise.tryComplete();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
          promise.tryFail(failure);
        }
      });
    } catch (MqttException e) {
      promise.tryFail(e);
    }
    return promise.future();
  }

  @Override
  public void close() {
    renewals.shutdownNow();
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

  /**
   * Subscribes to {@code filter} again after a reconnect, and keeps trying (1 s, doubling up to
   * {@link #MAX_RECONNECT_DELAY_SECONDS} s) while the broker refuses or fails it and the link is
   * up: a clustered broker refuses new subscriptions for a while after one of its nodes died (NATS
   * while JetStream elects new leaders), and a link without its subscriptions would publish on,
   * deaf to every status and event. A dropped link stops the retries; its reconnect renews all.
   */
  private void renew(String filter, int attempt) {
    if (renewals.isShutdown() || !subscriptions.containsKey(filter) || !client.isConnected()) {
      return;
    }
    try {
      client.subscribe(filter, 1, null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          int[] granted = token.getGrantedQos();
          if (granted != null && granted.length > 0 && granted[0] == 0x80) {
            renewLater(filter, attempt, "refused by the broker");
          } else if (attempt > 0) {
            LOG.info("renewed subscription {}", filter);
          }
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
          renewLater(filter, attempt, String.valueOf(failure.getMessage()));
        }
      });
    } catch (MqttException e) {
      renewLater(filter, attempt, e.getMessage());
    }
  }

  private void renewLater(String filter, int attempt, String why) {
    long delay = Math.min(MAX_RECONNECT_DELAY_SECONDS * 1000L, 1000L << Math.min(attempt, 10));
    LOG.warn("cannot renew subscription {} ({}); trying again in {} ms", filter, why, delay);
    try {
      renewals.schedule(() -> renew(filter, attempt + 1), delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("not renewing {}: closing", filter);
    }
  }

  private final class Callback implements MqttCallbackExtended {
    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      if (reconnect) {
        LOG.info("reconnected to {}; renewing {} subscriptions", serverUri, subscriptions.size());
        for (String filter : subscriptions.keySet()) {
          renew(filter, 0);
        }
      }
    }

    @Override
    public void connectionLost(Throwable cause) {
      LOG.warn("lost the MQTT connection: {}; reconnecting", cause.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      for (Map.Entry<String, BiConsumer<String, byte[]>> subscription : subscriptions.entrySet()) {
        if (org.eclipse.paho.client.mqttv3.MqttTopic.isMatched(subscription.getKey(), topic)) {
          subscription.getValue().accept(topic, message.getPayload());
        }
      }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }
}
