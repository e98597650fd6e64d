package io.gatecast.controller.media;

import java.nio.charset.StandardCharsets;

/**
 * A WebP image's dimensions from its first chunk (the JDK has no WebP reader): {@code VP8X}
 * (extended: canvas size), {@code VP8 } (lossy: key frame header) or {@code VP8L} (lossless).
 */
final class WebpSize {
  private WebpSize() {}

  /** {width, height}; {@code head} is the file's first 30 or more bytes. */
  static int[] of(byte[] head) {
    if (head.length < 30) {
      throw new UnsupportedMediaException("a WebP file too short to hold its image header; nothing was stored");
    }
    String chunk = new String(head, 12, 4, StandardCharsets.ISO_8859_1);
    switch (chunk) {
      case "VP8X" -> {
        return new int[] {FileBytes.uintLittleEndian(head, 24, 3) + 1, FileBytes.uintLittleEndian(head, 27, 3) + 1};
      }
      case "VP8 " -> {
        if ((head[23] & 0xFF) != 0x9D || (head[24] & 0xFF) != 0x01 || (head[25] & 0xFF) != 0x2A) {
          throw new UnsupportedMediaException("a WebP file whose lossy image does not start with a key frame;"
              + " nothing was stored");
        }
        return new int[] {FileBytes.uintLittleEndian(head, 26, 2) & 0x3FFF, FileBytes.uintLittleEndian(head, 28, 2) & 0x3FFF};
      }
      case "VP8L" -> {
        if ((head[20] & 0xFF) != 0x2F) {
          throw new UnsupportedMediaException("a WebP file whose lossless image has a bad signature; nothing was stored");
        }
        int bits = FileBytes.uintLittleEndian(head, 21, 4);
        return new int[] {(bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1};
      }
      default -> throw new UnsupportedMediaException("a WebP file with an unknown first chunk '"
          + chunk.replaceAll("[^\\x20-\\x7e]", "?") + "'; nothing was stored");
    }
  }
}
