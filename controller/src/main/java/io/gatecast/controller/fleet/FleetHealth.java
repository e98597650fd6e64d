package io.gatecast.controller.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gatecast.controller.fleet.UptimeCalculator.Uptime;
import io.gatecast.controller.fleet.HealthRepository;
import io.gatecast.controller.fleet.HistoryEntry;
import io.gatecast.controller.screens.RegisteredScreen;
import io.gatecast.controller.fleet.ScreenClockRepository;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.ScreenHealth;
import io.gatecast.protocol.ScreenState;
import io.gatecast.protocol.StatusMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A screen's health as three separate truths — agent alive, content up to date, page on screen —
 * kept current from heartbeats, last-wills and silence, with every change written to its history.
 * Every method runs inside a database transaction (on the database thread).
 */
public final class FleetHealth {
  private static final Logger LOG = LoggerFactory.getLogger(FleetHealth.class);
  public static final String UP_TO_DATE = "UP_TO_DATE";
  public static final String STALE = "STALE";
  /**
   * How far a screen's clock may be off the controller's before it is a problem on the board: its
   * proof of play, expiry checks and campaign dates all read that clock.
   */
  public static final Duration CLOCK_PROBLEM = Duration.ofMinutes(2);
  private static final int MAX_CHANGES_PER_PERIOD = 1_000_000;

  /**
   * What one status (or the silence sweep) changed for a screen.
   *
   * @param reason why the screen is down, in words; null when it is up
   */
  public record Recorded(String screenId, String clusterId, boolean upBefore, boolean upAfter, String reason, Instant at,
      List<HistoryEntry> changes, String gateBehind) {
    /** What the silence sweep and the start record: nothing said about the screen's gate. */
    public Recorded(String screenId, String clusterId, boolean upBefore, boolean upAfter, String reason, Instant at,
        List<HistoryEntry> changes) {
      this(screenId, clusterId, upBefore, upAfter, reason, at, changes, null);
    }

    public boolean upChanged() {
      return upBefore != upAfter;
    }
  }

  /**
   * The truths and figures the API shows for one screen.
   *
   * @param showing what the page shows by the rules: CONTENT, DEFAULT_FILL or PLACEHOLDER (null
   *     from agents older than that report)
   * @param displayProblem why the panel is not showing content, as a stable code — BROWSER_DOWN
   *     (display NOT_SHOWING) or NOTHING_TO_PLAY (the page shows the "no content yet" card: the
   *     screen would be black) — null when none is known; {@code displayProblemDetail} says it in words
   * @param clock the screen's clock as the controller measured it; null before its first heartbeat
   */
  public record HealthView(ScreenState agent, boolean contentUpToDate, String display, boolean up, ScreenHealth figures,
      Instant figuresAt, Instant autonomyUntil, Long autonomyLeftSeconds, String showing, String displayProblem,
      String displayProblemDetail, ClockView clock) {}

  /** The display problem codes of {@link HealthView#displayProblem()}. */
  public static final String BROWSER_DOWN = "BROWSER_DOWN";
  public static final String NOTHING_TO_PLAY = "NOTHING_TO_PLAY";

  /**
   * A screen's clock: {@code offsetMillis} is the controller's clock minus the screen's, measured
   * from its last heartbeat at {@code measuredAt}; {@code problem} when it is off by more than
   * {@link #CLOCK_PROBLEM}.
   */
  public record ClockView(long offsetMillis, Instant measuredAt, boolean problem) {
    static ClockView of(ScreenClockRepository.ScreenClock clock) {
      return new ClockView(clock.offsetMillis(), clock.measuredAt(), isClockProblem(clock.offsetMillis()));
    }
  }

  /** Whether an offset (controller minus screen, ms) is past {@link #CLOCK_PROBLEM} either way. */
  public static boolean isClockProblem(long offsetMillis) {
    return Math.abs(offsetMillis) > CLOCK_PROBLEM.toMillis();
  }

  private final ScreenRepository screens;
  private final HealthRepository health;
  private final ScreenClockRepository clocks;
  private final ClusterDirectory clusters;

  public FleetHealth(ClusterDirectory clusters, ScreenRepository screens, HealthRepository health,
      ScreenClockRepository clocks) {
    this.screens = screens;
    this.health = health;
    this.clocks = clocks;
    this.clusters = clusters;
  }

  /** The agent answered its gate's schedule {@code clusterVersion}: it plays it ({@code applied}) or not, and why. */
  public void recordClusterAnswer(Connection c, String screenId, long clusterVersion, boolean applied, String error)
      throws SQLException {
    screens.recordClusterAnswer(c, screenId, clusterVersion, applied, error);
  }

  /** Records a heartbeat or last-will; empty for a screen nobody registered. */
  public Optional<Recorded> recordStatus(Connection c, StatusMessage status, Instant at) throws SQLException {
    String id = status.screenId();
    Optional<RegisteredScreen> found = screens.find(c, id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    RegisteredScreen before = found.get();
    HealthRepository.LastTruths last = health.lastTruths(c, id);
    String agentBefore = last.agent();
    String displayBefore = last.display();
    if (status.state() == ScreenState.ONLINE) {
      screens.recordHeartbeat(c, id, at, status.appliedVersion(), status.currentContentId(),
          Boolean.TRUE.equals(status.placements()), status.appliedClusterVersion());
    } else {
      screens.recordStatus(c, id, status.state(), at, status.appliedVersion(), status.currentContentId());
    }
    if (status.state() == ScreenState.ONLINE) {
      // A live heartbeat: arrival minus the screen's stamp is the offset (low by the transit time). A
      // last-will is stamped when the session began, so it tells nothing about the clock.
      measureClock(c, id, status.header().sentAt(), at);
    }

    ScreenHealth figures = status.health();
    String display = figures != null && figures.display() != null ? figures.display().name() : displayBefore;
    if (figures != null) {
      health.saveHealth(c, id, json(figures), display, at);
    }
    List<HistoryEntry> changes = new ArrayList<>();
    String agent = status.state().name();
    String offlineWhy = status.state() != ScreenState.OFFLINE ? null
        : Boolean.TRUE.equals(status.stopping()) ? HistoryDetail.STOPPED : HistoryDetail.LAST_WILL;
    if (!agent.equals(agentBefore)) {
      changes.add(new HistoryEntry(id, at, HistoryEntry.AGENT, agent, offlineWhy));
    }
    if (display != null && !display.equals(displayBefore)) {
      changes.add(new HistoryEntry(id, at, HistoryEntry.DISPLAY, display, figures.displayDetail()));
    }
    Long applied = status.appliedVersion() != null ? status.appliedVersion() : before.appliedVersion();
    Long appliedCluster = status.state() == ScreenState.ONLINE ? status.appliedClusterVersion()
        : before.appliedClusterVersion();
    String content = before.upToDate(applied, appliedCluster) ? UP_TO_DATE : STALE;
    if (!content.equals(last.content())) {
      changes.add(new HistoryEntry(id, at, HistoryEntry.CONTENT, content,
          HistoryDetail.versions(applied, before.publishedVersion(), appliedCluster, before.publishedClusterVersion())));
    }
    for (HistoryEntry change : changes) {
      health.add(c, change);
    }
    boolean upAfter = UptimeCalculator.isUp(agent, display);
    String reason = upAfter ? null : downReason(agent, display, offlineWhy, figures == null ? null : figures.displayDetail());
    // A live placed screen behind its gate's newest schedule: the re-assertion sends the gate's newest again.
    String gateBehind = status.state() == ScreenState.ONLINE && before.behindItsGate(appliedCluster)
        ? before.placedClusterId() : null;
    return Optional.of(new Recorded(id, clusters.clusterOf(c, id), UptimeCalculator.isUp(agentBefore, displayBefore), upAfter,
        reason, at, changes, gateBehind));
  }

  private void measureClock(Connection c, String id, Instant sentAt, Instant at) throws SQLException {
    long offset = Duration.between(sentAt, at).toMillis();
    Optional<ScreenClockRepository.ScreenClock> before = clocks.find(c, id);
    if (before.isPresent() && sentAt.equals(before.get().sentAt())) {
      return; // the retained heartbeat again (a controller restart): it arrived late, not the clock
    }
    clocks.save(c, id, offset, at, sentAt);
    boolean wasProblem = before.isPresent() && isClockProblem(before.get().offsetMillis());
    if (isClockProblem(offset) && !wasProblem) {
      LOG.warn("screen {}'s clock is off by {} ms (the controller's minus the screen's); its proof of play is corrected"
          + " at ingest, but its campaigns follow its own clock: fix its time source", id, offset);
    } else if (!isClockProblem(offset) && wasProblem) {
      LOG.info("screen {}'s clock is right again (offset {} ms)", id, offset);
    }
  }

  /** Marks ONLINE screens silent since {@code at - timeout} OFFLINE and records the change. */
  public List<Recorded> recordSilence(Connection c, Instant at, Duration timeout) throws SQLException {
    List<Recorded> recorded = new ArrayList<>();
    String detail = HistoryDetail.silence(timeout);
    for (String id : screens.markSilentOffline(c, at.minus(timeout))) {
      HealthRepository.LastTruths last = health.lastTruths(c, id);
      String agentBefore = last.agent();
      String display = last.display();
      if (ScreenState.OFFLINE.name().equals(agentBefore)) {
        continue;
      }
      HistoryEntry change = new HistoryEntry(id, at, HistoryEntry.AGENT, ScreenState.OFFLINE.name(), detail);
      health.add(c, change);
      recorded.add(new Recorded(id, clusters.clusterOf(c, id), UptimeCalculator.isUp(agentBefore, display), false,
          downReason("OFFLINE", display, detail, null), at, List.of(change)));
    }
    return recorded;
  }

  /** Whether each registered screen is up now, and since when (for alerting after a restart). */
  public List<Recorded> current(Connection c) throws SQLException {
    List<Recorded> all = new ArrayList<>();
    for (RegisteredScreen screen : screens.all(c)) {
      HealthRepository.LastTruths last = health.lastTruths(c, screen.id());
      String agent = last.agent();
      String display = last.display();
      boolean up = UptimeCalculator.isUp(agent, display);
      Instant since = health.lastChangeAt(c, screen.id()).orElse(screen.createdAt());
      all.add(new Recorded(screen.id(), clusters.clusterOf(c, screen.id()), up, up,
          up ? null : downReason(agent, display, null, null), since, List.of()));
    }
    return all;
  }

  /** The changes of a screen's truths in {@code [from, to)}, oldest first. */
  public List<HistoryEntry> history(Connection c, String screenId, Instant from, Instant to, int limit) throws SQLException {
    return health.between(c, screenId, from, to, limit);
  }

  /**
   * The screen's uptime over {@code [from, to)}, counted only while it was registered and not in
   * the future.
   */
  public Uptime uptime(Connection c, RegisteredScreen screen, Instant from, Instant to, Instant now) throws SQLException {
    Instant start = from.isBefore(screen.createdAt()) ? screen.createdAt() : from;
    Instant end = to.isAfter(now) ? now : to;
    if (!end.isAfter(start)) {
      return Uptime.NONE;
    }
    String id = screen.id();
    return UptimeCalculator.over(start, end, health.valueAt(c, id, HistoryEntry.AGENT, start).orElse(null),
        health.valueAt(c, id, HistoryEntry.DISPLAY, start).orElse(null),
        health.between(c, id, start, end, MAX_CHANGES_PER_PERIOD));
  }

  public HealthView view(Connection c, RegisteredScreen screen, Instant now) throws SQLException {
    Optional<HealthRepository.StoredHealth> stored = health.health(c, screen.id());
    ScreenHealth figures = stored.map(s -> Codec.decode(s.json().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        ScreenHealth.class)).orElse(null);
    String display = health.lastValue(c, screen.id(), HistoryEntry.DISPLAY).orElse(null);
    Instant autonomyUntil = figures == null ? null : figures.autonomyUntil();
    Long autonomyLeft = autonomyUntil == null ? null : Math.max(0, Duration.between(now, autonomyUntil).toSeconds());
    ScreenHealth.Showing showing = figures == null ? null : figures.showing();
    String problem = null;
    String problemDetail = null;
    if ("NOT_SHOWING".equals(display)) {
      problem = BROWSER_DOWN;
      problemDetail = "the kiosk browser does not show the page"
          + (figures == null || figures.displayDetail() == null ? "" : " (" + figures.displayDetail() + ")");
    } else if (showing == ScreenHealth.Showing.PLACEHOLDER) {
      problem = NOTHING_TO_PLAY;
      problemDetail = screen.appliedVersion() == null
          ? "the screen has received no schedule: it shows the \"no content yet\" card"
          : "nothing is scheduled now and its gate has no default playlist: it shows the \"no content yet\" card";
    }
    return new HealthView(screen.state(), screen.upToDate(),
        display, UptimeCalculator.isUp(screen.state().name(), display), figures,
        stored.map(HealthRepository.StoredHealth::reportedAt).orElse(null), autonomyUntil, autonomyLeft,
        showing == null ? null : showing.name(), problem, problemDetail,
        clocks.find(c, screen.id()).map(ClockView::of).orElse(null));
  }

  private static String downReason(String agent, String display, String agentDetail, String displayDetail) {
    if (!"ONLINE".equals(agent)) {
      return "agent offline" + (agentDetail == null ? "" : " (" + agentDetail + ")");
    }
    return "display not showing" + (displayDetail == null ? "" : " (" + displayDetail + ")");
  }

  private static String json(ScreenHealth figures) {
    try {
      return Codec.mapper().writeValueAsString(figures);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
