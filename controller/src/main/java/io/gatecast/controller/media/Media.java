package io.gatecast.controller.media;

import io.gatecast.schedules.model.MediaKind;
import java.time.Instant;
import java.util.Locale;

/**
 * An uploaded media file, known by the SHA-256 of its bytes. {@code mimeType} is what the bytes
 * are; {@code width}/{@code height} (images) and {@code durationMillis} (video) are null where the
 * format does not say.
 */
public record Media(String sha256, String mimeType, long sizeBytes, String originalName, Instant createdAt,
    Integer width, Integer height, Long durationMillis) {

  /** What a screen renders for a file of this type; uploads are limited to these families. */
  public static MediaKind kindOf(String mimeType) {
    String type = mimeType.toLowerCase(Locale.ROOT);
    if (type.startsWith("video/")) {
      return MediaKind.VIDEO;
    }
    if (type.startsWith("text/html")) {
      return MediaKind.HTML;
    }
    return MediaKind.IMAGE;
  }
}
