package io.gatecast.controller.screens;

import io.gatecast.protocol.ScreenState;
import java.time.Instant;

/** A screen as the controller knows it: its identity, its health, and what it was sent. */
public record RegisteredScreen(
    String id,
    String name,
    Instant createdAt,
    ScreenState state,
    Instant lastSeenAt,
    Long appliedVersion,
    String currentContentId,
    long publishedVersion) {}
