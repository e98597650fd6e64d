package io.gatecast.controller.metrics;

import io.gatecast.controller.events.CommandSent;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.events.PlaysStored;
import io.gatecast.controller.events.ProfilesPlannedAhead;
import io.gatecast.controller.events.PublishFinished;
import io.gatecast.controller.events.SchedulesReasserted;
import io.gatecast.controller.events.ScreensArrived;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The controller's Prometheus metrics (Micrometer). Names as scraped from {@code /metrics}:
 * <ul>
 *   <li>{@code gatecast_screens_connected} — screens whose agent is ONLINE (gauge)
 *   <li>{@code gatecast_publishes_total} — schedules sent to screens (counter)
 *   <li>{@code gatecast_rollout_latency_seconds} — publish to the agent's APPLIED answer (summary: _count, _sum, _max)
 *   <li>{@code gatecast_heartbeats_total} — heartbeats received; {@code rate()} gives heartbeats/s (counter)
 *   <li>{@code gatecast_ingest_queued} — heartbeats, answers and play batches waiting to be stored (gauge)
 *   <li>{@code gatecast_heartbeats_dropped_total} — older queued heartbeats dropped because the database fell behind (counter)
 *   <li>{@code gatecast_plays_stored_total} — proof-of-play records stored, resends not counted (counter)
 *   <li>{@code gatecast_publish_screens_read_total} — screens publishes read to plan them (counter)
 *   <li>{@code gatecast_publish_profiles_planned_ahead_total} — the fleet's profiles planned ahead of a publish after a
 *       setup change (counter)
 *   <li>{@code gatecast_commands_sent_total} — remote commands published (counter)
 *   <li>{@code gatecast_alerts_sent_total} — alert notices the webhook accepted (counter)
 *   <li>{@code gatecast_http_server_requests_seconds} — HTTP latency per method, route pattern and status (summary)
 * </ul>
 */
public final class Metrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicLong connected = new AtomicLong();
  private final Counter publishes;
  private final Counter publishScreensRead;
  private final Counter heartbeats;
  private final Counter playsStored;
  private final Counter commandsSent;
  private final Counter alertsSent;
  private final Counter reasserted;
  private final Counter arrivalsPlaced;
  private final Counter arrivalsWaiting;
  private final Counter arrivalsUnknownAgent;
  private final Counter profilesPlannedAhead;
  /**
   * What function meters read, held here: Micrometer holds a measured object only weakly, and a
   * method-reference lambda has no other holder — once collected, its meter stays at its last value.
   */
  private final java.util.List<Object> measured = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Timer rolloutLatency;

  public Metrics() {
    Gauge.builder("gatecast.screens.connected", connected, AtomicLong::get)
        .description("screens whose agent is online").register(registry);
    publishes = Counter.builder("gatecast.publishes").description("schedules sent to screens").register(registry);
    publishScreensRead = Counter.builder("gatecast.publish.screens.read")
        .description("screens publishes read to plan them (placed screens are not read when no setup changed)")
        .register(registry);
    heartbeats = Counter.builder("gatecast.heartbeats").description("heartbeats received").register(registry);
    playsStored = Counter.builder("gatecast.plays.stored").description("proof-of-play records stored").register(registry);
    commandsSent = Counter.builder("gatecast.commands.sent").description("remote commands published").register(registry);
    alertsSent = Counter.builder("gatecast.alerts.sent").description("alert notices the webhook accepted").register(registry);
    reasserted = Counter.builder("gatecast.schedules.reasserted")
        .description("schedules sent again unchanged because the broker may have lost them").register(registry);
    arrivalsPlaced = arrivals("placed");
    arrivalsWaiting = arrivals("waiting");
    arrivalsUnknownAgent = arrivals("unknown_agent");
    profilesPlannedAhead = Counter.builder("gatecast.publish.profiles.planned.ahead")
        .description("times the fleet's profiles were planned ahead of the next publish after a setup change")
        .register(registry);
    rolloutLatency = Timer.builder("gatecast.rollout.latency")
        .description("from publishing a schedule to the agent's APPLIED answer").register(registry);
  }

  /**
   * Counts what the services tell on the event bus (publishes, commands, plays, re-sent schedules);
   * heartbeats, rollout latency and the queue gauges stay direct calls on the ingest's hot path.
   */
  public void subscribeTo(DomainEvents events) {
    events.subscribe(PublishFinished.class, e -> {
      published(e.schedulesSent());
      publishScreensRead.increment(e.screensRead());
    });
    events.subscribe(CommandSent.class, e -> commandSent());
    events.subscribe(PlaysStored.class, e -> playsStored(e.count()));
    events.subscribe(SchedulesReasserted.class, e -> reasserted(e.count()));
    events.subscribe(ScreensArrived.class, e -> {
      arrivalsPlaced.increment(e.placed());
      arrivalsWaiting.increment(e.waiting());
      arrivalsUnknownAgent.increment(e.unknownAgent());
    });
    events.subscribe(ProfilesPlannedAhead.class, e -> profilesPlannedAhead.increment());
  }

  /**
   * Screens that reported playing nothing (or were set up anew), by what became of them: {@code placed} at once,
   * {@code waiting} for the next publish, or {@code unknown_agent} (not known yet to play placements).
   */
  private Counter arrivals(String outcome) {
    return Counter.builder("gatecast.arrivals").tag("outcome", outcome)
        .description("newly paired screens placed in their gate's programme on air, or left for the next publish")
        .register(registry);
  }

  public void connectedScreens(long count) {
    connected.set(count);
  }

  public void published(int schedules) {
    publishes.increment(schedules);
  }

  public void heartbeat() {
    heartbeats.increment();
  }

  public void playsStored(int count) {
    playsStored.increment(count);
  }

  public void commandSent() {
    commandsSent.increment();
  }

  public void alertSent() {
    alertsSent.increment();
  }

  /** Heartbeats and answers waiting for the database, and heartbeats dropped because it fell behind. */
  public void ingestQueue(java.util.function.Supplier<Integer> queued, java.util.function.Supplier<Long> dropped) {
    measured.add(queued);
    measured.add(dropped);
    Gauge.builder("gatecast.ingest.queued", queued, q -> q.get())
        .description("heartbeats, answers and play batches waiting to be stored").register(registry);
    io.micrometer.core.instrument.FunctionCounter.builder("gatecast.heartbeats.dropped", dropped, r -> r.get())
        .description("older queued heartbeats dropped because the database fell behind").register(registry);
  }

  /**
   * What the broker refused (subscriptions, publishes) or lost (the connection), counted at every
   * occurrence including retries, and how many such problems are open now.
   */
  public void brokerRefusals(java.util.function.Supplier<Long> refusals, java.util.function.Supplier<Integer> open) {
    measured.add(refusals);
    measured.add(open);
    io.micrometer.core.instrument.FunctionCounter.builder("gatecast.broker.refusals", refusals, r -> r.get())
        .description("subscriptions and publishes the MQTT broker refused, and connections it lost").register(registry);
    Gauge.builder("gatecast.health.problems", open, o -> o.get())
        .description("problems /health reports now (0: UP)").register(registry);
  }

  /** Schedules sent again as they were (same bytes and version), because the broker may have lost them. */
  public void reasserted(int schedules) {
    reasserted.increment(schedules);
  }

  public void rolledOut(Duration latency) {
    rolloutLatency.record(latency.isNegative() ? Duration.ZERO : latency);
  }

  /** Records one HTTP request; {@code route} is the route's pattern (e.g. {@code /api/v1/screens/:id}), never the raw path. */
  public void httpRequest(String method, String route, int status, long nanos) {
    Timer.builder("gatecast.http.server.requests").description("HTTP requests by route pattern")
        .tags("method", method, "route", route, "status", Integer.toString(status))
        .register(registry)
        .record(Duration.ofNanos(nanos));
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }
}
