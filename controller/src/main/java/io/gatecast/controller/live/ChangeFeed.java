package io.gatecast.controller.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatecast.controller.events.AlertsChanged;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.events.PublishProgressed;
import io.gatecast.controller.events.ScreenChanged;
import io.gatecast.controller.events.ScreenStatusStored;
import io.gatecast.controller.events.ScreenWaits;
import io.gatecast.controller.events.SessionsEnded;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live event stream's engine: subscribes to the controller's {@link DomainEvents}, coalesces them, and
 * writes them as server-sent events to every open {@code GET /api/v1/events} stream.
 *
 * <p>Bounded work, whatever the fleet's heartbeat rate: changed screens are collected in a set and
 * sent as one {@code screens} event every {@link #FLUSH_EVERY} (so a screen appears at most twice a
 * second however often it reports); more than {@link #MAX_IDS} changed screens in one round are
 * sent as {@code {"all":true}} ("refetch the list") instead of a long list. Each stream has a
 * bounded outgoing buffer ({@link #MAX_BUFFERED_BYTES}): a client that does not read fast enough is
 * disconnected (it reconnects and refetches) rather than buffered without end or allowed to slow
 * the others. A comment every {@link #KEEP_ALIVE} keeps proxies from cutting an idle stream, and a
 * stream is closed after {@link #MAX_LIFETIME} so its bearer token is checked again on reconnect, and
 * at the next flush once its session ends ({@link SessionsEnded}: signed out, password changed, account
 * disabled), so nothing more reaches a console whose user is gone and the console learns at once that it
 * must sign in again. Nothing is collected while nobody listens.
 */
public final class ChangeFeed {
  static final Duration FLUSH_EVERY = Duration.ofMillis(500);
  static final int MAX_IDS = 500;
  static final int MAX_BUFFERED_BYTES = 256 * 1024;
  static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  static final Duration MAX_LIFETIME = Duration.ofMinutes(10);
  /** Screens whose last status is remembered to tell news from a plain heartbeat; beyond it, all is news. */
  private static final int MAX_REMEMBERED = 200_000;
  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final Set<Stream> streams = new LinkedHashSet<>();
  private final Set<String> changedScreens = new TreeSet<>();
  private final Map<String, String> lastStatus = new HashMap<>();
  private final Set<String> publishes = new TreeSet<>();
  private final Set<String> alerts = new TreeSet<>();
  private final List<SessionsEnded> endedSessions = new ArrayList<>();
  private boolean alertsExpired;
  private long timer = -1;
  private long ticks;

  /** One open event stream, and the sign-in session that opened it. */
  private record Stream(HttpServerResponse response, long openedAtMillis, String username, String tokenHash) {}

  /** Hears the events the board shows; each handler only collects (synchronized, no I/O), as the bus asks. */
  public ChangeFeed(Vertx vertx, DomainEvents events) {
    this.vertx = vertx;
    events.subscribe(ScreenStatusStored.class, e -> status(e.status().screenId(), e.fingerprint()));
    events.subscribe(ScreenChanged.class, e -> screen(e.screenId()));
    events.subscribe(ScreenWaits.class, e -> screen(e.screenId()));
    events.subscribe(PublishProgressed.class, e -> publish(Long.toString(e.publishId())));
    events.subscribe(AlertsChanged.class, e -> alert(e.alertId() == null ? "" : e.alertId()));
    events.subscribe(SessionsEnded.class, this::sessionsEnded);
  }

  /**
   * Starts streaming to {@code response} (headers already set) for the session of {@code username} whose
   * token has {@code tokenHash}; it leaves when the connection closes or that session ends.
   */
  public synchronized void subscribe(HttpServerResponse response, String username, String tokenHash) {
    response.setWriteQueueMaxSize(MAX_BUFFERED_BYTES);
    Stream stream = new Stream(response, System.currentTimeMillis(), username, tokenHash);
    streams.add(stream);
    response.closeHandler(v -> leave(stream));
    response.exceptionHandler(e -> leave(stream));
    write(stream, "retry: 3000\n" + event("hello", Map.of("keepAliveSeconds", KEEP_ALIVE.toSeconds(),
        "flushMillis", FLUSH_EVERY.toMillis())));
    if (timer < 0) {
      timer = vertx.setPeriodic(FLUSH_EVERY.toMillis(), id -> flush());
    }
  }

  /** Open streams, for metrics and tests. */
  public synchronized int subscribers() {
    return streams.size();
  }

  private synchronized void leave(Stream stream) {
    streams.remove(stream);
    if (streams.isEmpty()) {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
      changedScreens.clear();
      publishes.clear();
      alerts.clear();
      alertsExpired = false;
      endedSessions.clear();
    }
  }

  private synchronized void sessionsEnded(SessionsEnded ended) {
    if (!streams.isEmpty()) {
      endedSessions.add(ended);
    }
  }

  /**
   * A heartbeat or last-will was stored. Only what the board shows counts as news: a heartbeat that
   * changes only "last seen" and the figures is not sent on, so a quiet fleet makes a quiet stream.
   */
  private synchronized void status(String id, String fingerprint) {
    if (lastStatus.size() >= MAX_REMEMBERED && !lastStatus.containsKey(id)) {
      lastStatus.clear();
    }
    if (!fingerprint.equals(lastStatus.put(id, fingerprint)) && !streams.isEmpty()) {
      changedScreens.add(id);
    }
  }

  private synchronized void screen(String id) {
    // The stored state moved without a status (offline by silence...): the next heartbeat is news again.
    lastStatus.remove(id);
    if (!streams.isEmpty()) {
      changedScreens.add(id);
    }
  }

  private synchronized void publish(String id) {
    if (!streams.isEmpty()) {
      publishes.add(id);
    }
  }

  private synchronized void alert(String id) {
    if (streams.isEmpty()) {
      return;
    }
    if (id.isEmpty()) {
      alertsExpired = true;
    } else {
      alerts.add(id);
    }
  }

  private synchronized void flush() {
    ticks++;
    StringBuilder frames = new StringBuilder();
    if (!changedScreens.isEmpty()) {
      frames.append(changedScreens.size() > MAX_IDS
          ? event("screens", Map.of("all", true, "count", changedScreens.size()))
          : event("screens", Map.of("ids", List.copyOf(changedScreens))));
      changedScreens.clear();
    }
    for (String id : publishes) {
      frames.append(event("publish", Map.of("id", Long.parseLong(id))));
    }
    publishes.clear();
    if (!alerts.isEmpty() || alertsExpired) {
      frames.append(event("alerts", Map.of("ids", List.copyOf(alerts), "expired", alertsExpired)));
      alerts.clear();
      alertsExpired = false;
    }
    if (frames.isEmpty() && ticks % (KEEP_ALIVE.toMillis() / FLUSH_EVERY.toMillis()) == 0) {
      frames.append(": keep-alive\n\n");
    }
    long now = System.currentTimeMillis();
    List<SessionsEnded> ended = List.copyOf(endedSessions);
    endedSessions.clear();
    for (Stream stream : new ArrayList<>(streams)) {
      if (ended.stream().anyMatch(e -> e.ends(stream.username(), stream.tokenHash()))) {
        // Its token no longer signs in: the console's reconnect is refused and it asks its user to sign in.
        close(stream, "session-ended", "the session has ended; sign in again");
      } else if (now - stream.openedAtMillis() > MAX_LIFETIME.toMillis()) {
        close(stream, "lifetime", "stream lifetime reached; reconnect");
      } else if (!frames.isEmpty()) {
        write(stream, frames.toString());
      }
    }
  }

  /** Says why in a last {@code bye} event, then ends the stream. */
  private void close(Stream stream, String code, String reason) {
    write(stream, event("bye", Map.of("code", code, "reason", reason)));
    HttpServerResponse response = stream.response();
    if (!response.closed() && !response.ended()) {
      // (write drops a stream whose client is gone or behind: nothing is left to end then)
      response.end();
    }
    leave(stream);
  }

  /** Writes, or drops the stream when its client has not taken what was sent before. */
  private void write(Stream stream, String frames) {
    HttpServerResponse response = stream.response();
    if (response.closed() || response.ended()) {
      leave(stream);
      return;
    }
    if (response.writeQueueFull()) {
      LOG.info("event stream dropped: its client read less than {} KiB behind; it will reconnect",
          MAX_BUFFERED_BYTES / 1024);
      leave(stream);
      response.reset();
      return;
    }
    response.write(frames);
  }

  private static String event(String name, Map<String, ?> data) {
    try {
      return "event: " + name + "\ndata: " + JSON.writeValueAsString(data) + "\n\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
