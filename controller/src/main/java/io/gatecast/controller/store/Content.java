package io.gatecast.controller.store;

import java.time.Instant;

/** A content item: a titled media file with its time on screen. */
public record Content(String id, String title, String mediaSha256, long durationSeconds, Instant createdAt) {}
