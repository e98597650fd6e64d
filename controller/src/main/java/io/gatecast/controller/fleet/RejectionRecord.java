package io.gatecast.controller.fleet;

import java.time.Instant;

/** A message a screen refused, as its agent reported it; {@code detail} and {@code messageId} are untrusted text. */
public record RejectionRecord(Instant receivedAt, String topic, String reason, String detail, String messageId) {}
