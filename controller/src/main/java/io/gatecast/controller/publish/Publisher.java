package io.gatecast.controller.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.signing.MessageSigner;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.publish.DeliveryRepository;
import io.gatecast.controller.screens.RegisteredScreen;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetup;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.ProtocolException;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.rules.ScreenProfile;
import io.gatecast.protocol.rules.ScreenRules;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each screen's rules ({@link RulesBuilder}, then {@link ScreenPlan#toWire}) into its schedule
 * message, signed with the controller's key, and sends it retained at QoS 1 to the screen's
 * schedule topic.
 *
 * <p>A publish happens in two steps. First, in one transaction: the publish row, each changed
 * screen's new version and rules, its delivery holding the signed message, and the audit entry.
 * Then the messages are handed to the broker in windows, each window marked handed in one
 * transaction. A controller stopped between the two resends the recorded messages when it starts ({@link #resendUnsent}),
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
  /** Told of every schedule the broker took (published or sent again): screen id and version. */
  private volatile java.util.function.BiConsumer<String, Long> onHanded = (screenId, version) -> { };
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

  /** Where each schedule the broker took is told (the re-assertion's record of what each screen should hold). */
  public void onHanded(java.util.function.BiConsumer<String, Long> listener) {
    this.onHanded = listener;
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

  /** What a re-assertion sent: how many messages the broker took, how many screens were read, the last one (a cursor). */
  public record Reasserted(int sent, int read, String lastScreenId) {}

  /** Screens read for a re-assertion and the messages to send them. */
  private record Page(List<DeliveryRepository.Unsent> latest, int read, String lastScreenId) {}

  /**
   * Sends the last signed schedule of each of {@code screenIds} again, exactly as it was published
   * (same bytes, same version, retained): the broker is a cache that may have lost it, or holds an
   * older one. Queued behind every publish before it, so it can never overtake a newer version. A
   * version its agent answered FAILED is left out when {@code skipAgentFailed}.
   */
  public Future<Reasserted> reassert(List<String> screenIds, boolean skipAgentFailed) {
    return enqueueReassert(c -> new Page(deliveries.lastSigned(c, screenIds, skipAgentFailed), screenIds.size(), null));
  }

  /** {@link #reassert} for at most {@code limit} screens in id order after {@code afterScreenId} (null: from the first). */
  public Future<Reasserted> reassertPage(String afterScreenId, int limit) {
    return enqueueReassert(c -> {
      List<String> ids = deliveries.screenIdsAfter(c, afterScreenId, limit);
      return new Page(deliveries.lastSigned(c, ids, false), ids.size(), ids.isEmpty() ? null : ids.get(ids.size() - 1));
    });
  }

  /**
   * {@link #reassert} for every screen, a page of {@value #SEND_WINDOW} at a time, each page queued
   * on its own so a publish waits for one page at most. Completes with how many the broker took.
   */
  public Future<Integer> reassertAll() {
    return reassertFrom(null, 0);
  }

  private Future<Integer> reassertFrom(String after, int sentSoFar) {
    return reassertPage(after, SEND_WINDOW).compose(page -> page.read() < SEND_WINDOW
        ? Future.succeededFuture(sentSoFar + page.sent())
        : reassertFrom(page.lastScreenId(), sentSoFar + page.sent()));
  }

  /** Reads what to send when its turn in the queue comes (so it is the newest then), sends, marks handed. */
  private synchronized Future<Reasserted> enqueueReassert(Database.Work<Page> read) {
    Future<Reasserted> done = sending.transform(ignored -> db.transaction(read).compose(this::resend));
    sending = done;
    return done;
  }

  private Future<Reasserted> resend(Page page) {
    List<DeliveryRepository.Unsent> latest = page.latest();
    List<Future<Instant>> sends = new ArrayList<>();
    for (DeliveryRepository.Unsent u : latest) {
      sends.add(sender.send(u.screenId(), u.envelope()).map(v -> clock.instant()));
    }
    return Future.join(sends).transform(all -> db.transaction(c -> {
      // A message recorded but not yet marked (a stop in between) reached the broker now.
      List<DeliveryRepository.Handed> handed = new ArrayList<>();
      for (int i = 0; i < latest.size(); i++) {
        if (sends.get(i).succeeded()) {
          handed.add(new DeliveryRepository.Handed(latest.get(i).screenId(), latest.get(i).version(),
              sends.get(i).result()));
          onHanded.accept(latest.get(i).screenId(), latest.get(i).version());
        }
      }
      deliveries.markHanded(c, handed);
      if (handed.size() < latest.size()) {
        LOG.warn("the broker did not take {} of {} schedule(s) sent again; they are sent again later",
            latest.size() - handed.size(), latest.size());
      }
      return new Reasserted(handed.size(), page.read(), page.lastScreenId());
    }));
  }

  /**
   * What makes two screens' rules the same but for the screen's id and names in their profile (set
   * per screen by {@link #forScreen}, so names never group screens): screens that share
   * cluster, zone, groups, tags, languages and own playlist get the same campaigns and items. A screen
   * a campaign names by id is its own profile ({@code namedId}).
   */
  private record ProfileKey(String namedId, String clusterId, java.time.ZoneId zone, Set<String> groups,
      Set<String> tags, List<String> languages, List<String> ownPlaylist) {}

  /** The rules built once for a profile, and the items it holds back. */
  private record ProfileRules(ScreenRules rules, List<String> withheld) {}

  /** A screen whose new rules are to be signed and recorded. */
  private record Pending(RegisteredScreen screen, ScreenRules rules, String rulesJson) {}

  private Intent record(Connection c, String actor) throws SQLException {
    Instant now = clock.instant();
    long publishId = publishes.insert(c, actor, now);
    Map<String, List<String>> withheld = new LinkedHashMap<>();
    String baseUrl = mediaBaseUrl.get();
    // Everything a publish reads is read once here, not once per screen (the store is the same for all).
    Map<String, ScreenSetup> allSetups = setups.all(c);
    List<RegisteredScreen> active = screens.all(c).stream()
        .filter(s -> allSetups.containsKey(s.id()) && !allSetups.get(s.id()).revoked()) // cut off: nothing more
        .toList();
    Map<String, io.gatecast.schedules.model.Screen> profiles =
        rules.profiles(c, active.stream().map(RegisteredScreen::id).toList());
    Map<String, List<String>> ownPlaylists = rules.ownPlaylists(c);
    Map<String, String> publishedAll = screens.publishedItemsAll(c);
    Map<String, String> gateNames = rules.gateNames(c);
    RulesBuilder.Session session = rules.session(c);
    Set<String> namedByCampaigns = new HashSet<>();
    session.campaigns().forEach(campaign -> namedByCampaigns.addAll(campaign.engineTargets().screens()));
    Map<ProfileKey, ProfileRules> built = new HashMap<>();
    List<Pending> pending = new ArrayList<>();
    for (RegisteredScreen screen : active) {
      io.gatecast.schedules.model.Screen profile = profiles.get(screen.id());
      List<String> own = ownPlaylists.getOrDefault(screen.id(), List.of());
      ProfileKey key = new ProfileKey(namedByCampaigns.contains(screen.id()) ? screen.id() : null, profile.clusterId(),
          profile.zone(), profile.groups(), profile.tags(), profile.languages(), own);
      ProfileRules shared = built.get(key);
      if (shared == null) {
        ScreenPlan plan = session.build(profile, own);
        shared = new ProfileRules(plan.toWire(baseUrl), List.copyOf(plan.withheld()));
        built.put(key, shared);
      }
      if (!shared.withheld().isEmpty()) {
        withheld.put(screen.id(), shared.withheld());
      }
      ScreenRules screenRules = forScreen(shared.rules(), screen.id(), screen.name(),
          gateNames.get(profile.clusterId()));
      String rulesJson = json(screenRules);
      String published = publishedAll.get(screen.id());
      if (rulesJson.equals(published)) {
        continue;
      }
      if (published == null && screenRules.isEmpty()) {
        continue; // nothing was ever scheduled here
      }
      pending.add(new Pending(screen, screenRules, rulesJson));
    }
    LOG.debug("publish {}: {} screens, {} distinct profiles, {} changed", publishId, active.size(), built.size(),
        pending.size());
    List<Outgoing> outgoing = new ArrayList<>();
    List<PublishResult.Sent> failed = new ArrayList<>();
    signAndRecord(c, pending, publishId, now, outgoing, failed);
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
    Map<String, ScreenSetup> allSetups = setups.all(c);
    Map<String, String> publishedAll = screens.publishedItemsAll(c);
    List<Pending> pending = new ArrayList<>();
    for (RegisteredScreen screen : screens.all(c)) {
      String published = publishedAll.get(screen.id());
      ScreenSetup setup = allSetups.get(screen.id());
      if (published == null || setup == null || setup.revoked()) {
        continue; // never published, its last send failed (the next publish sends it), or cut off
      }
      ScreenRules screenRules = Codec.decode(published.getBytes(StandardCharsets.UTF_8), ScreenRules.class);
      pending.add(new Pending(screen, screenRules, published));
    }
    signAndRecord(c, pending, publishId, now, outgoing, failed);
    audit.record(c, RESIGN_ACTOR, "re-sign", "publish", Long.toString(publishId), null,
        Map.of("screens", outgoing.size()));
    return new Intent(publishId, outgoing, failed, Map.of());
  }

  /**
   * The shared rules of a profile with this screen's id, its name and its gate's name in their
   * profile (the only per-screen parts). A name the wire refuses is sent as none: the card then shows the id.
   */
  static ScreenRules forScreen(ScreenRules shared, String screenId, String screenName, String gateName) {
    ScreenProfile p = shared.profile().forScreen(screenId, nameOrNull(screenName), nameOrNull(gateName));
    return new ScreenRules(p,
        shared.items(), shared.campaigns(), shared.defaultPlaylist(), shared.defaultPolicy(), shared.alerts());
  }

  /** A name the wire would refuse (blank, too long, a bidi control stored before they were refused) goes as none. */
  private static String nameOrNull(String name) {
    if (name == null) {
      return null;
    }
    try {
      return io.gatecast.protocol.Check.humanText(name, "name", io.gatecast.protocol.Limits.MAX_TEXT_LENGTH);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Signs each screen's next version (on every core: a signature per screen is most of a publish's
   * work) and records them all as intended — or as failed when one cannot be signed — in statement
   * batches, inside the caller's transaction.
   */
  private void signAndRecord(Connection c, List<Pending> pending, long publishId, Instant now, List<Outgoing> outgoing,
      List<PublishResult.Sent> failed) throws SQLException {
    List<DeliveryRepository.Intent> intents = pending.parallelStream().map(p -> {
      long version = p.screen().publishedVersion() + 1;
      ScheduleMessage message = new ScheduleMessage(Header.now(now), p.screen().id(), version, p.rules());
      try {
        return new DeliveryRepository.Intent(p.screen().id(), version, signer.signToBytes(Signed.SCHEDULE, message, null),
            null);
      } catch (ProtocolException e) {
        // Too large to sign (the wire's limit): recorded as failed, and tried again by the next publish.
        return new DeliveryRepository.Intent(p.screen().id(), version, null, "cannot sign the schedule: " + e.getMessage());
      }
    }).toList();
    List<ScreenRepository.Published> versions = new ArrayList<>();
    for (int i = 0; i < pending.size(); i++) {
      DeliveryRepository.Intent intent = intents.get(i);
      versions.add(new ScreenRepository.Published(intent.screenId(), intent.version(),
          intent.error() == null ? pending.get(i).rulesJson() : null));
      if (intent.error() == null) {
        outgoing.add(new Outgoing(intent.screenId(), intent.version(), intent.envelope()));
      } else {
        failed.add(new PublishResult.Sent(intent.screenId(), intent.version(), intent.error()));
      }
    }
    screens.recordPublished(c, versions);
    deliveries.recordIntents(c, publishId, intents, now);
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

  /**
   * Hands a window to the broker, then records what became of each message in ONE transaction: the
   * ones the broker took are marked handed (at the time it took each), the ones it refused failed.
   * A stop before that transaction leaves the window unmarked, so the next start resends it whole —
   * byte for byte, which the agents ignore when they already have it.
   */
  private Future<List<PublishResult.Sent>> sendWindow(List<Outgoing> window) {
    List<Future<Instant>> sends = new ArrayList<>();
    for (Outgoing o : window) {
      sends.add(sender.send(o.screenId(), o.envelope()).map(v -> clock.instant()));
    }
    return Future.join(sends).transform(all -> db.transaction(c -> {
      List<DeliveryRepository.Handed> handed = new ArrayList<>();
      List<PublishResult.Sent> results = new ArrayList<>();
      for (int i = 0; i < window.size(); i++) {
        Outgoing o = window.get(i);
        Future<Instant> send = sends.get(i);
        if (send.succeeded()) {
          handed.add(new DeliveryRepository.Handed(o.screenId(), o.version(), send.result()));
          onHanded.accept(o.screenId(), o.version());
          results.add(new PublishResult.Sent(o.screenId(), o.version(), null));
        } else {
          results.add(forgetPublished(c, o, send.cause()));
        }
      }
      deliveries.markHanded(c, handed);
      return results;
    }));
  }

  /** The broker did not take the schedule: mark it failed and make the next publish send this screen again. */
  private PublishResult.Sent forgetPublished(Connection c, Outgoing o, Throwable failure) throws SQLException {
    String error = "the broker did not accept the schedule: " + failure.getMessage();
    screens.forgetPublished(c, o.screenId(), o.version());
    deliveries.recordAnswer(c, o.screenId(), o.version(), "FAILED", error, clock.instant());
    return new PublishResult.Sent(o.screenId(), o.version(), error);
  }

  private static String json(ScreenRules screenRules) {
    try {
      return Codec.mapper().writeValueAsString(screenRules);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
