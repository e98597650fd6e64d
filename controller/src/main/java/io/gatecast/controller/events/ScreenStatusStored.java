package io.gatecast.controller.events;

import io.gatecast.protocol.StatusMessage;

/**
 * A heartbeat or last-will was stored (its batch committed). Most are not news: the live feed
 * passes one on only when what the board shows moved ({@link #fingerprint}).
 */
public record ScreenStatusStored(StatusMessage status) implements DomainEvent {
  /** What the board shows of a screen (link, applied version, current item, display); "last seen" and figures left out. */
  public String fingerprint() {
    String display = status.health() == null || status.health().display() == null ? "" : status.health().display().name();
    return status.state() + "|" + status.appliedVersion() + "|" + status.currentContentId() + "|" + display;
  }
}
