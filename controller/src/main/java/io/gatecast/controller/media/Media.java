package io.gatecast.controller.media;

import java.time.Instant;

/**
 * An uploaded media file, known by the SHA-256 of its bytes. {@code mimeType} is what the bytes
 * are; {@code width}/{@code height} (images) and {@code durationMillis} (video) are null where the
 * format does not say.
 */
public record Media(String sha256, String mimeType, long sizeBytes, String originalName, Instant createdAt,
    Integer width, Integer height, Long durationMillis) {}
