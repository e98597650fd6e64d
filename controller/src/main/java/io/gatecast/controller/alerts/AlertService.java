package io.gatecast.controller.alerts;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.events.AlertsChanged;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.fleet.ClusterDirectory;
import io.gatecast.controller.alerts.AlertRefusedException.Why;
import io.gatecast.controller.broker.MqttLink;
import io.gatecast.controller.alerts.Alert;
import io.gatecast.controller.alerts.AlertPublication;
import io.gatecast.controller.alerts.AlertPublicationRepository;
import io.gatecast.controller.alerts.AlertRepository;
import io.gatecast.controller.store.Database;
import io.gatecast.protocol.AlertMessage;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Limits;
import io.gatecast.protocol.ProtocolException;
import io.gatecast.protocol.Signed;
import io.gatecast.controller.signing.MessageSigner;
import io.gatecast.protocol.rules.AlertSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Urgent alerts: an operator's multilingual notice to every screen of some clusters, at once.
 *
 * <p>Each cluster's alert topic carries one retained, signed {@link AlertMessage} listing every
 * alert in force there; each message replaces the last. A cluster is sent a new one (with a version
 * above the last, stored before sending) when an alert is made for it, when one is cleared, when
 * one expires (found by a periodic check that reads the injected clock), when a message the broker
 * did not take must be repeated, and at start, since a broker restart may have lost retained
 * messages. The envelope expires with the last alert it carries, or {@value #EMPTY_DAYS} days after an
 * empty ("all clear") message, which the check renews a day before it runs out, so a screen
 * that connects late never finds an expired message retained.
 */
public final class AlertService implements AutoCloseable {
  /** Longest an alert may be set for: an urgent notice is not a campaign. */
  public static final Duration MAX_LIFETIME = Duration.ofDays(7);
  private static final int EMPTY_DAYS = 7;
  private static final Duration EMPTY_ENVELOPE_LIFETIME = Duration.ofDays(EMPTY_DAYS);
  private static final Duration RENEW_BEFORE = Duration.ofDays(1);
  /** How often expiry is checked: an expired alert leaves the screens within this time. */
  public static final Duration CHECK_EVERY = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);

  /** An alert as the API shows it. */
  public record AlertView(String id, List<String> clusterIds, Map<String, String> text, Instant createdAt,
      Instant expiresAt, Instant clearedAt, Alert.Status status) {}

  /** One message put on a cluster's alert topic; {@code error} says why the broker did not take it. */
  public record Publication(String clusterId, long version, String error) {}

  /**
   * The answer to making or clearing an alert: the alert, how many screens each of its clusters has, what
   * was sent. Counts, not the screens' ids: an alert to a gate of 10,000 screens answered with every id
   * (a quarter of a megabyte, read and written while the broker fans the alert out on the same machine),
   * and the console shows only how many.
   */
  public record Sent(AlertView alert, Map<String, Integer> screenCounts, List<Publication> publications) {}

  private record Outgoing(String clusterId, long version, byte[] envelope) {}

  /** What an alert change sends, and the clusters whose screens the answer counts (after the send). */
  private record Change(Alert alert, List<String> clusterIds, List<Outgoing> outgoing) {}

  private final Vertx vertx;
  private final Database db;
  private final Clock clock;
  private final MessageSigner signer;
  private final ClusterDirectory clusters;
  private final AuditLog audit;
  private final AlertSender sender;
  private final DomainEvents events;
  private final AlertRepository alerts;
  private final AlertPublicationRepository publications;
  private long timer = -1;

  public AlertService(Vertx vertx, Database db, MqttLink mqtt, MessageSigner signer, Clock clock, ClusterDirectory clusters,
      DomainEvents events, AuditLog audit, AlertRepository alerts, AlertPublicationRepository publications) {
    this.alerts = alerts;
    this.publications = publications;
    this.events = events;
    this.vertx = vertx;
    this.db = db;
    this.clock = clock;
    this.signer = signer;
    this.clusters = clusters;
    this.sender = new AlertSender(mqtt);
    this.audit = audit;
  }

  /** Sends every cluster's current state again, then checks for expiry every {@link #CHECK_EVERY}. Never fails. */
  public Future<List<Publication>> start() {
    timer = vertx.setPeriodic(CHECK_EVERY.toMillis(), id -> check());
    return reconcileAll(true).onFailure(e -> LOG.error("cannot re-send the clusters' alerts at start", e))
        .otherwise(List.of());
  }

  /**
   * Sends every cluster's last alert message again exactly as it was (same bytes, same version,
   * retained): after a reconnection to a broker that may have lost it, and in the slow background
   * re-send. Agents ignore a version they hold. Never fails; completes with how many the broker took.
   */
  public Future<Integer> reassert() {
    Instant now = clock.instant();
    return db.transaction(c -> publications.signed(c, now)).compose(signed -> {
      List<Future<Boolean>> sends = new ArrayList<>();
      for (AlertPublicationRepository.SignedAlert alert : signed) {
        sends.add(sender.resend(alert.clusterId(), alert.version(), alert.envelope()));
      }
      return Future.join(sends).transform(all -> Future.succeededFuture(
          (int) sends.stream().filter(f -> f.succeeded() && Boolean.TRUE.equals(f.result())).count()));
    }).onFailure(e -> LOG.error("cannot send the clusters' alerts again", e)).otherwise(0);
  }

  /** Sends each cluster whose alerts in force changed (an expiry) or must be sent again. */
  public Future<List<Publication>> check() {
    return reconcileAll(false).onFailure(e -> LOG.error("alert expiry check failed", e))
        .onSuccess(sent -> {
          if (!sent.isEmpty()) {
            events.publish(new AlertsChanged(null));
          }
        });
  }

  /** Makes an alert and sends it to its clusters' screens. Input is checked by the caller's request record. */
  public Future<Sent> create(String actor, List<String> clusterIds, Map<String, String> text, Instant expiresAt) {
    Instant now = clock.instant();
    if (!expiresAt.isAfter(now)) {
      return Future.failedFuture(new AlertRefusedException(Why.BAD_INPUT,
          "expiresAt must be in the future; it is " + expiresAt + " and now is " + now));
    }
    if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
      return Future.failedFuture(new AlertRefusedException(Why.BAD_INPUT, "expiresAt must be at most "
          + MAX_LIFETIME.toDays() + " days ahead (" + now.plus(MAX_LIFETIME) + "), got " + expiresAt));
    }
    Alert alert = new Alert("alert-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
        List.copyOf(clusterIds), text, now, expiresAt, null);
    return db.transaction(c -> {
      SortedSet<String> known = clusters.clusterIds(c);
      List<String> unknown = clusterIds.stream().filter(id -> !known.contains(id)).toList();
      if (!unknown.isEmpty()) {
        throw new AlertRefusedException(Why.BAD_INPUT, "clusterIds name clusters that do not exist: " + unknown
            + "; known clusters: " + known + "; nothing was stored");
      }
      Map<String, List<Alert>> inForce = alerts.inForce(c, clusterIds, now);
      for (String cluster : clusterIds) {
        if (inForce.get(cluster).size() >= Limits.MAX_ALERTS) {
          throw new AlertRefusedException(Why.CONFLICT, "cluster " + cluster + " already has " + Limits.MAX_ALERTS
              + " alerts in force, the most a screen takes; clear one first; nothing was stored");
        }
      }
      alerts.insert(c, alert);
      audit.record(c, actor, "create", "alert", alert.id(), null, alert);
      return change(c, alert, now, true);
    }).compose(this::send).onSuccess(this::told);
  }

  /** Ends an alert now; its clusters are sent their remaining alerts. Clearing an ended alert changes nothing. */
  public Future<Sent> clear(String actor, String id) {
    Instant now = clock.instant();
    return db.transaction(c -> {
      Alert alert = alerts.find(c, id).orElseThrow(() -> new AlertRefusedException(Why.NOT_FOUND, "no alert " + id));
      if (alert.statusAt(now) != Alert.Status.ACTIVE) {
        return new Change(alert, List.of(), List.of());
      }
      alerts.clear(c, id, now);
      Alert cleared = alerts.find(c, id).orElseThrow();
      audit.record(c, actor, "clear", "alert", id, alert, cleared);
      return change(c, cleared, now, false);
    }).compose(this::send).onSuccess(this::told);
  }

  /** The console's live view (and whoever else subscribes) hears that an alert was sent or cleared. */
  private void told(Sent sent) {
    events.publish(new AlertsChanged(sent.alert().id()));
  }

  public Future<List<AlertView>> all() {
    Instant now = clock.instant();
    return db.transaction(c -> alerts.all(c).stream().map(a -> view(a, now)).toList());
  }

  public Future<AlertView> find(String id) {
    Instant now = clock.instant();
    return db.transaction(c -> view(alerts.find(c, id)
        .orElseThrow(() -> new AlertRefusedException(Why.NOT_FOUND, "no alert " + id)), now));
  }

  /** The messages an alert's clusters need now, made (and their versions stored) in this transaction. */
  private Change change(Connection c, Alert alert, Instant now, boolean force) throws SQLException {
    Map<String, List<Alert>> inForce = alerts.inForce(c, alert.clusterIds(), now);
    Map<String, AlertPublication> last = publications.all(c);
    List<Draft> drafts = new ArrayList<>();
    for (String cluster : alert.clusterIds()) {
      Draft draft = draft(cluster, inForce.get(cluster), last.get(cluster), now, force);
      if (draft != null) {
        drafts.add(draft);
      }
    }
    return new Change(alert, alert.clusterIds(), signAndRecord(c, drafts, now, (cluster, e) -> {
      throw new AlertRefusedException(Why.BAD_INPUT, "the alerts in force for cluster " + cluster
          + " would not fit in one message (" + e.getMessage() + "); shorten the text; nothing was stored");
    }));
  }

  /** A cluster's next alert message before it is signed: the alerts it lists and when its envelope expires. */
  private record Draft(String clusterId, long version, List<String> alertIds, Instant envelopeExpires,
      AlertMessage message) {}

  /**
   * The cluster's next message, or null when what it has is current: same alerts, and (when empty)
   * an envelope not about to expire. {@code force} makes one regardless. {@code inForce}: its alerts in
   * force now; {@code last}: what it was last sent, null if never.
   */
  private static Draft draft(String cluster, List<Alert> inForce, AlertPublication last, Instant now, boolean force) {
    List<String> ids = inForce.stream().map(Alert::id).toList();
    if (!force) {
      if (last == null) {
        return null; // never alerted: nothing retained to correct
      }
      boolean current = ids.equals(last.alertIds());
      boolean renew = inForce.isEmpty() && last.envelopeExpiresAt().isBefore(now.plus(RENEW_BEFORE));
      if (current && !renew) {
        return null;
      }
    }
    long version = last == null ? 1 : last.version() + 1;
    Instant envelopeExpires = inForce.stream().map(Alert::expiresAt).max(Instant::compareTo)
        .orElse(now.plus(EMPTY_ENVELOPE_LIFETIME));
    List<AlertSpec> specs = inForce.stream()
        .map(a -> new AlertSpec(a.id(), cluster, a.createdAt(), a.expiresAt(), a.text())).toList();
    return new Draft(cluster, version, ids, envelopeExpires, new AlertMessage(Header.now(now), cluster, version, specs));
  }

  /**
   * Signs the drafts and records each as its cluster's last message (before anything is sent); returns
   * them in order. Those whose envelopes expire together share ONE signature (protocol's
   * {@code BatchProof}, opened by the agent as any envelope): an alert to 100 gates was 100 Ed25519
   * signatures on the database thread before its first message could leave. A draft that cannot be
   * signed (too large) is told to {@code cannotSign} and not recorded.
   */
  private List<Outgoing> signAndRecord(Connection c, List<Draft> drafts, Instant now,
      java.util.function.BiConsumer<String, ProtocolException> cannotSign) throws SQLException {
    Map<Instant, List<Draft>> byExpiry = new java.util.LinkedHashMap<>();
    drafts.forEach(d -> byExpiry.computeIfAbsent(d.envelopeExpires(), e -> new ArrayList<>()).add(d));
    Map<String, byte[]> envelopes = new java.util.HashMap<>();
    for (Map.Entry<Instant, List<Draft>> group : byExpiry.entrySet()) {
      List<io.gatecast.protocol.Signer.BatchItem> signed = signer.signBatch(Signed.ALERT,
          group.getValue().stream().map(Draft::message).toList(), group.getKey());
      for (int i = 0; i < signed.size(); i++) {
        String cluster = group.getValue().get(i).clusterId();
        if (signed.get(i).failure() != null) {
          cannotSign.accept(cluster, signed.get(i).failure());
        } else {
          envelopes.put(cluster, signed.get(i).envelope());
        }
      }
    }
    List<Outgoing> outgoing = new ArrayList<>();
    for (Draft d : drafts) {
      byte[] envelope = envelopes.get(d.clusterId());
      if (envelope != null) {
        publications.save(c, new AlertPublication(d.clusterId(), d.version(), d.alertIds(), d.envelopeExpires()),
            envelope, now);
        outgoing.add(new Outgoing(d.clusterId(), d.version(), envelope));
      }
    }
    return outgoing;
  }

  private Future<List<Publication>> reconcileAll(boolean force) {
    Instant now = clock.instant();
    return db.transaction(c -> {
      Map<String, AlertPublication> last = publications.all(c);
      Map<String, List<Alert>> inForce = alerts.inForce(c, last.keySet(), now);
      List<Draft> drafts = new ArrayList<>();
      for (String cluster : last.keySet()) {
        Draft draft = draft(cluster, inForce.get(cluster), last.get(cluster), now, force);
        if (draft != null) {
          drafts.add(draft);
        }
      }
      return signAndRecord(c, drafts, now, (cluster, e) ->
          LOG.error("cannot sign the alerts of cluster {}: {}", cluster, e.getMessage()));
    }).compose(this::sendAll);
  }

  /** Sends, then counts the screens of the alert's clusters for the answer (after the messages left). */
  private Future<Sent> send(Change change) {
    Instant now = clock.instant();
    return sendAll(change.outgoing()).compose(sent -> db.transaction(c ->
        new Sent(view(change.alert(), now), clusters.screenCounts(c, change.clusterIds()), sent)));
  }

  private Future<List<Publication>> sendAll(List<Outgoing> outgoing) {
    List<Future<Publication>> sends = new ArrayList<>();
    for (Outgoing message : outgoing) {
      sends.add(sender.send(message.clusterId(), message.version(), message.envelope())
          .map(v -> new Publication(message.clusterId(), message.version(), null))
          .recover(failure -> {
            String error = "the broker did not take the alert message: " + failure.getMessage();
            LOG.warn("cluster {} alert version {}: {}; sending again at the next check", message.clusterId(),
                message.version(), error);
            return db.transaction(c -> {
              publications.markUnsent(c, message.clusterId(), message.version());
              return new Publication(message.clusterId(), message.version(), error);
            });
          }));
    }
    return Future.join(sends).map(all -> sends.stream().map(Future::result).toList());
  }

  private static AlertView view(Alert alert, Instant now) {
    return new AlertView(alert.id(), alert.clusterIds(), alert.text(), alert.createdAt(), alert.expiresAt(),
        alert.clearedAt(), alert.statusAt(now));
  }

  @Override
  public void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
