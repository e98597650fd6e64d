package io.gatecast.controller.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gatecast.controller.broker.MqttLink;
import io.gatecast.controller.store.Content;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.store.DeliveryRepository;
import io.gatecast.controller.store.Media;
import io.gatecast.controller.store.MediaRepository;
import io.gatecast.controller.store.PlaylistRepository;
import io.gatecast.controller.store.Screen;
import io.gatecast.controller.store.ScreenRepository;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.ScheduledItem;
import io.gatecast.protocol.Topics;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns each screen's playlist into its schedule and sends it, retained and at QoS 1, to the
 * screen's schedule topic. A screen whose schedule did not change is sent nothing. The new version
 * is stored before it is sent, so a version number is never reused.
 */
public final class Publisher {
  private final Database db;
  private final MqttLink mqtt;
  private final Clock clock;
  private final Supplier<String> mediaBaseUrl;
  private final ScreenRepository screens = new ScreenRepository();
  private final PlaylistRepository playlists = new PlaylistRepository();
  private final MediaRepository media = new MediaRepository();
  private final DeliveryRepository deliveries = new DeliveryRepository();

  /** @param mediaBaseUrl where agents download media, e.g. {@code http://10.0.0.5:8080/media/} */
  public Publisher(Database db, MqttLink mqtt, Clock clock, Supplier<String> mediaBaseUrl) {
    this.db = db;
    this.mqtt = mqtt;
    this.clock = clock;
    this.mediaBaseUrl = mediaBaseUrl;
  }

  /** Publishes every screen whose schedule changed since it was last published. */
  public Future<PublishResult> publishAll() {
    return db.transaction(this::prepare).compose(this::send);
  }

  private List<ScheduleMessage> prepare(Connection c) throws SQLException {
    Instant now = clock.instant();
    List<ScheduleMessage> toSend = new ArrayList<>();
    for (Screen screen : screens.all(c)) {
      List<ScheduledItem> items = itemsOf(c, screen.id());
      String itemsJson = json(items);
      Optional<String> published = screens.publishedItems(c, screen.id());
      if (published.isPresent() && published.get().equals(itemsJson)) {
        continue;
      }
      if (published.isEmpty() && items.isEmpty()) {
        continue; // nothing was ever scheduled here
      }
      long version = screen.publishedVersion() + 1;
      screens.recordPublished(c, screen.id(), version, itemsJson);
      deliveries.recordSent(c, screen.id(), version, now);
      toSend.add(new ScheduleMessage(Header.now(now), screen.id(), version, items));
    }
    return toSend;
  }

  private Future<PublishResult> send(List<ScheduleMessage> messages) {
    List<Future<PublishResult.Sent>> sends = new ArrayList<>();
    for (ScheduleMessage message : messages) {
      sends.add(mqtt.publish(Topics.schedule(message.screenId()), Codec.encode(message), true)
          .map(v -> new PublishResult.Sent(message.screenId(), message.version(), null))
          .recover(failure -> forgetPublished(message, failure)));
    }
    return Future.join(sends).map(all -> new PublishResult(sends.stream().map(Future::result).toList()));
  }

  /** The broker did not take the message: make the next publish send this screen again. */
  private Future<PublishResult.Sent> forgetPublished(ScheduleMessage message, Throwable failure) {
    String error = "the broker did not accept the schedule: " + failure.getMessage();
    return db.transaction(c -> {
      screens.recordPublished(c, message.screenId(), message.version(), null);
      deliveries.recordAnswer(c, message.screenId(), message.version(), "FAILED", error, clock.instant());
      return new PublishResult.Sent(message.screenId(), message.version(), error);
    });
  }

  private List<ScheduledItem> itemsOf(Connection c, String screenId) throws SQLException {
    List<ScheduledItem> items = new ArrayList<>();
    String baseUrl = mediaBaseUrl.get();
    for (Content content : playlists.of(c, screenId)) {
      Media file = media.find(c, content.mediaSha256()).orElseThrow();
      MediaRef ref = new MediaRef(file.sha256(), baseUrl + file.sha256(), file.mimeType(), file.sizeBytes());
      items.add(new ScheduledItem(content.id(), content.title(), ref, content.durationSeconds()));
    }
    return items;
  }

  private static String json(List<ScheduledItem> items) {
    try {
      return Codec.mapper().writeValueAsString(items);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
