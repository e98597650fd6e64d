package io.gatecast.controller.store;

import java.time.Instant;

/** An uploaded media file, known by the SHA-256 of its bytes. */
public record Media(String sha256, String mimeType, long sizeBytes, String originalName, Instant createdAt) {}
