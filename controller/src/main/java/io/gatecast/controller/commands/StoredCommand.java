package io.gatecast.controller.commands;

import java.time.Instant;

/** A command sent to a screen, and its agent's answer once it came. */
public record StoredCommand(String screenId, long sequence, String kind, Integer durationSeconds, Instant createdAt,
    Instant expiresAt, String status, String detail, String attachmentSha256, Instant answeredAt) {}
