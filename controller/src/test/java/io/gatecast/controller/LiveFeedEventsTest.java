package io.gatecast.controller;

import static org.awaitility.Awaitility.await;

import io.gatecast.controller.events.AlertsChanged;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.events.PublishProgressed;
import io.gatecast.controller.events.ScreenChanged;
import io.gatecast.controller.events.ScreenStatusStored;
import io.gatecast.controller.events.SessionsEnded;
import io.gatecast.controller.live.ChangeFeed;
import io.gatecast.controller.metrics.Metrics;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.ScreenState;
import io.gatecast.protocol.StatusMessage;
import io.gatecast.testkit.Ports;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live feed hears the controller's domain events and nothing else: what services publish on the
 * bus reaches {@code GET /api/v1/events}, coalesced, without booting a controller.
 */
class LiveFeedEventsTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private final DomainEvents events = new DomainEvents();
  private Vertx vertx;
  private int port;

  @BeforeEach
  void serve() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    ChangeFeed feed = new ChangeFeed(vertx, events);
    // In place of the sign-in check (EventStreamTest runs the controller's own): the bearer token, "user:session",
    // names the user and stands for the session's token hash.
    router.get("/api/v1/events").handler(ctx -> {
      String token = ctx.request().getHeader("Authorization").substring("Bearer ".length());
      ctx.response().setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8");
      feed.subscribe(ctx.response(), token.substring(0, token.indexOf(':')), token);
    });
    port = Ports.free();
    HttpServer server = vertx.createHttpServer().requestHandler(router);
    server.listen(port, "127.0.0.1").await();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void eventsOnTheBusReachTheStream() throws Exception {
    try (EventStream stream = EventStream.open(port, "viewer:1", true)) {
      await().atMost(DEADLINE).until(() -> stream.has("hello", d -> true));

      events.publish(new ScreenChanged("hall-2"));
      events.publish(new PublishProgressed(41));
      events.publish(new AlertsChanged("alert-1"));

      await().atMost(DEADLINE).until(() -> stream.namesScreen("hall-2")
          && stream.has("publish", d -> d.path("id").asLong() == 41)
          && stream.has("alerts", d -> EventStream.containsText(d.path("ids"), "alert-1")));
    }
  }

  @Test
  void aStoredHeartbeatIsNewsOnlyWhenWhatTheBoardShowsMoved() throws Exception {
    try (EventStream stream = EventStream.open(port, "viewer:1", true)) {
      await().atMost(DEADLINE).until(() -> stream.has("hello", d -> true));
      events.publish(new ScreenStatusStored(status("hall-2", 3L)));
      await().atMost(DEADLINE).until(() -> stream.namesScreen("hall-2"));
      int before = stream.events.size();

      // The same board again (only "last seen" would move), then a marker that is news.
      events.publish(new ScreenStatusStored(status("hall-2", 3L)));
      events.publish(new ScreenChanged("hall-9"));
      await().atMost(DEADLINE).until(() -> stream.namesScreen("hall-9"));

      org.assertj.core.api.Assertions.assertThat(stream.events.subList(before, stream.events.size()))
          .noneMatch(e -> e.name().equals("screens") && EventStream.containsText(e.data().path("ids"), "hall-2"));
    }
  }

  @Test
  void aStreamWhoseSessionEndedIsClosedSayingWhyAndTheOthersGoOn() throws Exception {
    try (EventStream lansDesk = EventStream.open(port, "lan:desk", true);
        EventStream lansPhone = EventStream.open(port, "lan:phone", true);
        EventStream minhs = EventStream.open(port, "minh:desk", true)) {
      await().atMost(DEADLINE).until(() -> lansDesk.has("hello", d -> true) && lansPhone.has("hello", d -> true)
          && minhs.has("hello", d -> true));

      // lan signs out at the desk: that session's stream ends, saying why; the phone's does not
      events.publish(SessionsEnded.one("lan:desk"));
      await().atMost(DEADLINE).until(() -> lansDesk.ended);
      org.assertj.core.api.Assertions.assertThat(lansDesk.events).last()
          .matches(e -> e.name().equals("bye") && e.data().path("code").asText().equals("session-ended"));
      events.publish(new ScreenChanged("hall-3"));
      await().atMost(DEADLINE).until(() -> lansPhone.namesScreen("hall-3") && minhs.namesScreen("hall-3"));

      // An admin gives lan a new password: every stream of lan ends, minh's goes on
      events.publish(SessionsEnded.allOf("lan"));
      await().atMost(DEADLINE).until(() -> lansPhone.ended);
      org.assertj.core.api.Assertions.assertThat(lansPhone.has("bye", d -> d.path("code").asText().equals("session-ended")))
          .isTrue();
      events.publish(new ScreenChanged("hall-4"));
      await().atMost(DEADLINE).until(() -> minhs.namesScreen("hall-4"));
      org.assertj.core.api.Assertions.assertThat(minhs.ended).isFalse();
      org.assertj.core.api.Assertions.assertThat(minhs.has("bye", d -> true)).isFalse();
    }
  }

  @Test
  void metricsCountWhatTheServicesTell() {
    Metrics metrics = new Metrics();
    metrics.subscribeTo(events);

    events.publish(new io.gatecast.controller.events.PublishFinished(5, 3, 40));
    events.publish(new io.gatecast.controller.events.CommandSent("hall-2"));
    events.publish(new io.gatecast.controller.events.PlaysStored("hall-2", 4));

    String scrape = metrics.scrape();
    org.assertj.core.api.Assertions.assertThat(scrape)
        .contains("gatecast_publishes_total 3.0")
        .contains("gatecast_publish_screens_read_total 40.0")
        .contains("gatecast_commands_sent_total 1.0")
        .contains("gatecast_plays_stored_total 4.0");
  }

  private static StatusMessage status(String screenId, Long applied) {
    return new StatusMessage(Header.now(Instant.now()), screenId, ScreenState.ONLINE, applied, "welcome", 30L);
  }
}
