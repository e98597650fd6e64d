package io.gatecast.controller.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.signing.MessageSigner;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.store.DeliveryRepository;
import io.gatecast.controller.store.Screen;
import io.gatecast.controller.store.ScreenRepository;
import io.gatecast.controller.store.ScreenSetup;
import io.gatecast.controller.store.ScreenSetupRepository;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.ProtocolException;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.rules.ScreenRules;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each screen's rules ({@link RulesBuilder}, then {@link WireRules}) into its schedule
 * message, signed with the controller's key, and sends it retained at QoS 1 to the screen's
 * schedule topic.
 *
 * <p>A publish happens in two steps. First, in one transaction: the publish row, each changed
 * screen's new version and rules, its delivery holding the signed message, and the audit entry.
 * Then the messages are handed to the broker, each delivery marked as it goes. A controller
 * stopped between the two resends the recorded messages when it starts ({@link #resendUnsent}),
 * byte for byte: the agents ignore a version they already play, and nothing is ever half a
 * publish — each screen gets its whole new schedule or keeps its old one.
 *
 * <p>A screen whose rules did not change is sent nothing: the rules' JSON is compared with what
 * was last sent (records encode in a fixed field order and the wire sorts its sets). Schedules
 * carry no expiry: a retained schedule must keep playing however long a screen was offline, and
 * the agent refuses anything not newer than what it plays. Sends are queued one publish after
 * another, so a newer version can never be overtaken on the broker by an older one.
 */
public final class Publisher {
  private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
  private final Database db;
  private final ScheduleSender sender;
  private final Clock clock;
  private final Supplier<String> mediaBaseUrl;
  private final MessageSigner signer;
  private final RulesBuilder rules;
  private final AuditLog audit;
  private final ScreenRepository screens = new ScreenRepository();
  private final ScreenSetupRepository setups = new ScreenSetupRepository();
  private final DeliveryRepository deliveries = new DeliveryRepository();
  private final PublishRepository publishes = new PublishRepository();
  private Future<?> sending = Future.succeededFuture();
  /** Who re-signs after a key switch, in the publish list and the audit log. */
  private static final String RESIGN_ACTOR = "controller";
  /** Publishes in flight at once; well under the MQTT link's in-flight window (1,000). */
  private static final int SEND_WINDOW = 500;

  /** A recorded publish, ready to send. */
  private record Intent(long publishId, List<Outgoing> outgoing, List<PublishResult.Sent> failed,
      Map<String, List<String>> withheld) {}

  private record Outgoing(String screenId, long version, byte[] envelope) {}

  /** @param mediaBaseUrl where agents download media, e.g. {@code http://10.0.0.5:8080/media/} */
  public Publisher(Database db, ScheduleSender sender, Clock clock, Supplier<String> mediaBaseUrl, MessageSigner signer,
      RulesBuilder rules, AuditLog audit) {
    this.db = db;
    this.sender = sender;
    this.clock = clock;
    this.mediaBaseUrl = mediaBaseUrl;
    this.signer = signer;
    this.rules = rules;
    this.audit = audit;
  }

  /** Publishes every screen whose schedule changed since it was last published, as {@code actor}. */
  public Future<PublishResult> publishAll(String actor) {
    return db.transaction(c -> record(c, actor)).compose(intent -> enqueue(intent.outgoing()).map(sent -> {
      List<PublishResult.Sent> all = new ArrayList<>(intent.failed());
      all.addAll(sent);
      return new PublishResult(intent.publishId(), all, intent.withheld());
    }));
  }

  /** Sends what an earlier run recorded but did not hand to the broker. Call once at start, before publishing. */
  public Future<Integer> resendUnsent() {
    return db.transaction(c -> {
      deliveries.supersedeUnsent(c, clock.instant());
      return deliveries.unsent(c);
    }).compose(unsent -> {
      if (!unsent.isEmpty()) {
        LOG.info("resending {} schedule(s) recorded before the last stop but not sent", unsent.size());
      }
      return enqueue(unsent.stream().map(u -> new Outgoing(u.screenId(), u.version(), u.envelope())).toList())
          .map(List::size);
    });
  }

  private Intent record(Connection c, String actor) throws SQLException {
    Instant now = clock.instant();
    long publishId = publishes.insert(c, actor, now);
    List<Outgoing> outgoing = new ArrayList<>();
    List<PublishResult.Sent> failed = new ArrayList<>();
    Map<String, List<String>> withheld = new LinkedHashMap<>();
    String baseUrl = mediaBaseUrl.get();
    for (Screen screen : screens.all(c)) {
      if (setups.find(c, screen.id()).map(ScreenSetup::revoked).orElse(true)) {
        continue; // cut off: it gets nothing more
      }
      ScreenPlan plan = rules.build(c, screen.id());
      if (!plan.withheld().isEmpty()) {
        withheld.put(screen.id(), List.copyOf(plan.withheld()));
      }
      ScreenRules screenRules = WireRules.of(plan, baseUrl);
      String rulesJson = json(screenRules);
      Optional<String> published = screens.publishedItems(c, screen.id());
      if (published.isPresent() && published.get().equals(rulesJson)) {
        continue;
      }
      if (published.isEmpty() && screenRules.isEmpty()) {
        continue; // nothing was ever scheduled here
      }
      recordOne(c, screen, screenRules, rulesJson, publishId, now, outgoing, failed);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("sent", outgoing.stream().map(o -> Map.of("screenId", o.screenId(), "version", o.version())).toList());
    summary.put("failed", failed);
    summary.put("withheld", withheld);
    audit.record(c, actor, "publish", "publish", Long.toString(publishId), null, summary);
    return new Intent(publishId, outgoing, failed, withheld);
  }

  /**
   * Sends every screen the rules it was last sent again, under a new version and signed with the
   * key the controller signs with now: after a signing-key switch nothing retained is left signed
   * only by the retired key. Re-sends exactly what was published, never unpublished changes.
   */
  public Future<PublishResult> republishAll() {
    return db.transaction(this::recordRepublish).compose(intent -> enqueue(intent.outgoing()).map(sent -> {
      List<PublishResult.Sent> all = new ArrayList<>(intent.failed());
      all.addAll(sent);
      return new PublishResult(intent.publishId(), all, intent.withheld());
    }));
  }

  private Intent recordRepublish(Connection c) throws SQLException {
    Instant now = clock.instant();
    long publishId = publishes.insert(c, RESIGN_ACTOR, now);
    List<Outgoing> outgoing = new ArrayList<>();
    List<PublishResult.Sent> failed = new ArrayList<>();
    for (Screen screen : screens.all(c)) {
      Optional<String> published = screens.publishedItems(c, screen.id());
      if (published.isEmpty() || setups.find(c, screen.id()).map(ScreenSetup::revoked).orElse(true)) {
        continue; // never published, its last send failed (the next publish sends it), or cut off
      }
      ScreenRules screenRules = Codec.decode(published.get().getBytes(StandardCharsets.UTF_8), ScreenRules.class);
      recordOne(c, screen, screenRules, published.get(), publishId, now, outgoing, failed);
    }
    audit.record(c, RESIGN_ACTOR, "re-sign", "publish", Long.toString(publishId), null,
        Map.of("screens", outgoing.size()));
    return new Intent(publishId, outgoing, failed, Map.of());
  }

  /** Signs the screen's next version and records it as intended (or as failed when it cannot be signed). */
  private void recordOne(Connection c, Screen screen, ScreenRules screenRules, String rulesJson, long publishId,
      Instant now, List<Outgoing> outgoing, List<PublishResult.Sent> failed) throws SQLException {
    long version = screen.publishedVersion() + 1;
    ScheduleMessage message = new ScheduleMessage(Header.now(now), screen.id(), version, screenRules);
    try {
      byte[] envelope = signer.signToBytes(Signed.SCHEDULE, message, null);
      screens.recordPublished(c, screen.id(), version, rulesJson);
      deliveries.recordIntent(c, screen.id(), version, publishId, envelope, now);
      outgoing.add(new Outgoing(screen.id(), version, envelope));
    } catch (ProtocolException e) {
      // Too large to sign (the wire's limit): recorded as failed, and tried again by the next publish.
      String error = "cannot sign the schedule: " + e.getMessage();
      screens.recordPublished(c, screen.id(), version, null);
      deliveries.recordFailed(c, screen.id(), version, publishId, error, now);
      failed.add(new PublishResult.Sent(screen.id(), version, error));
    }
  }

  /** Sends after everything queued before has been sent. */
  private synchronized Future<List<PublishResult.Sent>> enqueue(List<Outgoing> outgoing) {
    Future<List<PublishResult.Sent>> done = sending.transform(ignored -> sendAll(outgoing));
    sending = done;
    return done;
  }

  /**
   * Sends in windows of {@value #SEND_WINDOW}: the MQTT client refuses more publishes in flight than
   * its window ("too many publishes in progress"), which at 10,000 screens failed most of a publish.
   */
  private Future<List<PublishResult.Sent>> sendAll(List<Outgoing> outgoing) {
    List<PublishResult.Sent> results = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < outgoing.size(); from += SEND_WINDOW) {
      List<Outgoing> window = outgoing.subList(from, Math.min(outgoing.size(), from + SEND_WINDOW));
      chain = chain.compose(v -> sendWindow(window).map(sent -> {
        results.addAll(sent);
        return null;
      }));
    }
    return chain.map(v -> results);
  }

  private Future<List<PublishResult.Sent>> sendWindow(List<Outgoing> window) {
    List<Future<PublishResult.Sent>> sends = new ArrayList<>();
    for (Outgoing o : window) {
      sends.add(sender.send(o.screenId(), o.envelope())
          .compose(v -> db.transaction(c -> {
            deliveries.markHanded(c, o.screenId(), o.version(), clock.instant());
            return new PublishResult.Sent(o.screenId(), o.version(), null);
          }))
          .recover(failure -> forgetPublished(o, failure)));
    }
    return Future.join(sends).transform(all -> Future.succeededFuture(sends.stream().map(Future::result).toList()));
  }

  /** The broker did not take the schedule: mark it failed and make the next publish send this screen again. */
  private Future<PublishResult.Sent> forgetPublished(Outgoing o, Throwable failure) {
    String error = "the broker did not accept the schedule: " + failure.getMessage();
    return db.transaction(c -> {
      screens.forgetPublished(c, o.screenId(), o.version());
      deliveries.recordAnswer(c, o.screenId(), o.version(), "FAILED", error, clock.instant());
      return new PublishResult.Sent(o.screenId(), o.version(), error);
    });
  }

  private static String json(ScreenRules screenRules) {
    try {
      return Codec.mapper().writeValueAsString(screenRules);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
