package io.gatecast.controller.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gatecast.controller.broker.MqttLink;
import io.gatecast.controller.signing.MessageSigner;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.store.DeliveryRepository;
import io.gatecast.controller.store.Screen;
import io.gatecast.controller.store.ScreenRepository;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.ProtocolException;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.rules.ScreenRules;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns each screen's rules ({@link RulesBuilder}, then {@link WireRules}) into its schedule message
 * and sends it, signed with the controller's key, retained and at QoS 1, to the screen's schedule
 * topic. Schedules carry no expiry: a retained schedule must keep playing however long a screen
 * was offline, and the agent refuses anything not newer than what it plays, so an old signed
 * schedule cannot be brought back. A screen whose rules did not
 * change is sent nothing: the rules' JSON is compared with what was last sent (records encode in a
 * fixed field order and the wire sorts its sets, so equal rules give equal JSON). The stored
 * column keeps its skeleton name, {@code published_items}; it now holds the rules. The new version
 * is stored before it is sent, so a version number is never reused.
 */
public final class Publisher {
  private final Database db;
  private final MqttLink mqtt;
  private final Clock clock;
  private final Supplier<String> mediaBaseUrl;
  private final MessageSigner signer;
  private final ScreenRepository screens = new ScreenRepository();
  private final RulesBuilder rules = new RulesBuilder();
  private final DeliveryRepository deliveries = new DeliveryRepository();

  /** @param mediaBaseUrl where agents download media, e.g. {@code http://10.0.0.5:8080/media/} */
  public Publisher(Database db, MqttLink mqtt, Clock clock, Supplier<String> mediaBaseUrl, MessageSigner signer) {
    this.db = db;
    this.signer = signer;
    this.mqtt = mqtt;
    this.clock = clock;
    this.mediaBaseUrl = mediaBaseUrl;
  }

  /** Publishes every screen whose schedule changed since it was last published. */
  public Future<PublishResult> publishAll() {
    return db.transaction(this::prepare).compose(this::send);
  }

  /**
   * Sends every screen the rules it was last sent again, under a new version and signed with the
   * key the controller signs with now: after a signing-key switch nothing retained is left signed
   * only by the retired key. Re-sends exactly what was published — never unpublished changes.
   */
  public Future<PublishResult> republishAll() {
    return db.transaction(this::prepareRepublish).compose(this::send);
  }

  private List<ScheduleMessage> prepareRepublish(Connection c) throws SQLException {
    Instant now = clock.instant();
    List<ScheduleMessage> toSend = new ArrayList<>();
    for (Screen screen : screens.all(c)) {
      Optional<String> published = screens.publishedItems(c, screen.id());
      if (published.isEmpty()) {
        continue; // never published, or its last send failed: the next publish sends it anyway
      }
      ScreenRules screenRules = Codec.decode(published.get().getBytes(StandardCharsets.UTF_8), ScreenRules.class);
      long version = screen.publishedVersion() + 1;
      screens.recordPublished(c, screen.id(), version, published.get());
      deliveries.recordSent(c, screen.id(), version, now);
      toSend.add(new ScheduleMessage(Header.now(now), screen.id(), version, screenRules));
    }
    return toSend;
  }

  private List<ScheduleMessage> prepare(Connection c) throws SQLException {
    Instant now = clock.instant();
    List<ScheduleMessage> toSend = new ArrayList<>();
    String baseUrl = mediaBaseUrl.get();
    for (Screen screen : screens.all(c)) {
      ScreenRules screenRules = WireRules.of(rules.build(c, screen.id()), baseUrl);
      String rulesJson = json(screenRules);
      Optional<String> published = screens.publishedItems(c, screen.id());
      if (published.isPresent() && published.get().equals(rulesJson)) {
        continue;
      }
      if (published.isEmpty() && screenRules.isEmpty()) {
        continue; // nothing was ever scheduled here
      }
      long version = screen.publishedVersion() + 1;
      screens.recordPublished(c, screen.id(), version, rulesJson);
      deliveries.recordSent(c, screen.id(), version, now);
      toSend.add(new ScheduleMessage(Header.now(now), screen.id(), version, screenRules));
    }
    return toSend;
  }

  private Future<PublishResult> send(List<ScheduleMessage> messages) {
    List<Future<PublishResult.Sent>> sends = new ArrayList<>();
    for (ScheduleMessage message : messages) {
      sends.add(sign(message)
          .compose(envelope -> mqtt.publish(Topics.schedule(message.screenId()), envelope, true))
          .map(v -> new PublishResult.Sent(message.screenId(), message.version(), null))
          .recover(failure -> forgetPublished(message, failure)));
    }
    return Future.join(sends).map(all -> new PublishResult(sends.stream().map(Future::result).toList()));
  }

  /** Fails (naming the size) when the signed envelope would exceed the protocol's limit. */
  private Future<byte[]> sign(ScheduleMessage message) {
    try {
      return Future.succeededFuture(signer.signToBytes(Signed.SCHEDULE, message, null));
    } catch (ProtocolException e) {
      return Future.failedFuture(e);
    }
  }

  /** The schedule was not signed or the broker did not take it: make the next publish send this screen again. */
  private Future<PublishResult.Sent> forgetPublished(ScheduleMessage message, Throwable failure) {
    String error = failure instanceof ProtocolException
        ? "cannot sign the schedule: " + failure.getMessage()
        : "the broker did not accept the schedule: " + failure.getMessage();
    return db.transaction(c -> {
      screens.recordPublished(c, message.screenId(), message.version(), null);
      deliveries.recordAnswer(c, message.screenId(), message.version(), "FAILED", error, clock.instant());
      return new PublishResult.Sent(message.screenId(), message.version(), error);
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
