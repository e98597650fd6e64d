package io.gatecast.controller.live;

import io.gatecast.protocol.StatusMessage;
import io.vertx.core.Vertx;

/**
 * What the console's live view hears about, said on the Vert.x event bus by the parts that store
 * it. Each call is one cheap, local, fire-and-forget publish; {@link ChangeFeed} coalesces them and
 * writes the event stream ({@code GET /api/v1/events}). Nobody listening costs nothing more.
 */
public final class LiveEvents {
  /** Body: a screen id whose stored state changed for sure (silence sweep, schedule answer, command result). */
  static final String SCREEN = "gatecast.live.screen";
  /** Body: {@code <screen id>\n<fingerprint>} of a stored heartbeat or last-will; news only if the fingerprint moved. */
  static final String STATUS = "gatecast.live.status";
  /** Body: a publish id (as text) that was made or finished sending. */
  static final String PUBLISH = "gatecast.live.publish";
  /** Body: an alert id, or empty when expiries changed what is in force. */
  static final String ALERTS = "gatecast.live.alerts";

  private LiveEvents() {}

  /**
   * A heartbeat or last-will was stored. Only what the board shows counts as news (link, applied
   * version, current item, display): a heartbeat that changes only "last seen" and the figures is
   * not sent on, so a quiet fleet makes a quiet stream.
   */
  public static void statusStored(Vertx vertx, StatusMessage status) {
    String display = status.health() == null || status.health().display() == null ? "" : status.health().display().name();
    vertx.eventBus().publish(STATUS, status.screenId() + "\n" + status.state() + "|" + status.appliedVersion() + "|"
        + status.currentContentId() + "|" + display);
  }

  /** A screen's stored state changed (offline by silence, a schedule answered, a command answered). */
  public static void screenChanged(Vertx vertx, String screenId) {
    vertx.eventBus().publish(SCREEN, screenId);
  }

  /** A publish was recorded and sent (its rollout view has news). */
  public static void publishChanged(Vertx vertx, long publishId) {
    vertx.eventBus().publish(PUBLISH, Long.toString(publishId));
  }

  /** An urgent alert was sent or cleared ({@code alertId}), or alerts expired ({@code null}). */
  public static void alertsChanged(Vertx vertx, String alertId) {
    vertx.eventBus().publish(ALERTS, alertId == null ? "" : alertId);
  }
}
