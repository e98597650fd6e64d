package io.gatecast.controller;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * Real media files for tests: images encoded by the JDK's ImageIO; MP4 and WebM containers built
 * box by box / element by element as their specs lay them out (ISO/IEC 14496-12 'ftyp', 'mdat',
 * 'moov'/'mvhd'; EBML header, Segment, Info with TimestampScale and Duration); and WebP files
 * the JDK cannot write: Google's 1x1 feature-detection images (lossy, lossless, extended).
 */
final class MediaFixtures {
  /** 1x1 lossy WebP ('VP8 '). */
  static final byte[] WEBP_LOSSY = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
  /** 1x1 lossless WebP ('VP8L'). */
  static final byte[] WEBP_LOSSLESS = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
  /** 1x1 extended WebP with alpha ('VP8X'). */
  static final byte[] WEBP_EXTENDED = Base64.getDecoder().decode(
      "UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA==");

  private MediaFixtures() {}

  static byte[] png(int width, int height) {
    return image("png", width, height, BufferedImage.TYPE_INT_ARGB);
  }

  static byte[] jpeg(int width, int height) {
    return image("jpeg", width, height, BufferedImage.TYPE_INT_RGB);
  }

  static byte[] gif(int width, int height) {
    return image("gif", width, height, BufferedImage.TYPE_INT_RGB);
  }

  /** A slide: red band on top, blue below, so a thumbnail's colours can be checked. */
  private static byte[] image(String format, int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width, height / 2);
    g.setColor(Color.BLUE);
    g.fillRect(0, height / 2, width, height - height / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The extended WebP with its canvas size rewritten, to check the size is read in the right byte order. */
  static byte[] webpExtendedSized(int width, int height) {
    byte[] bytes = WEBP_EXTENDED.clone();
    putLittleEndian24(bytes, 24, width - 1);
    putLittleEndian24(bytes, 27, height - 1);
    return bytes;
  }

  /**
   * An MP4: 'ftyp' (isom), an 'mdat' of {@code mediaBytes} bytes, then 'moov' with an 'mvhd' of
   * version 0 or 1 giving {@code timescale} and {@code duration} (the movie header may follow the
   * media, as in files not made "fast start").
   */
  static byte[] mp4(long timescale, long duration, boolean version1, int mediaBytes) {
    ByteBuffer ftyp = box("ftyp", 12).put(ascii("isom")).putInt(0x200).put(ascii("isom"));
    ByteBuffer mdat = box("mdat", mediaBytes);
    int mvhdBody = version1 ? 112 : 100;
    ByteBuffer mvhd = box("mvhd", mvhdBody).putInt(version1 ? 0x01000000 : 0);
    if (version1) {
      mvhd.putLong(0).putLong(0).putInt((int) timescale).putLong(duration);
    } else {
      mvhd.putInt(0).putInt(0).putInt((int) timescale).putInt((int) duration);
    }
    mvhd.putInt(0x00010000).putShort((short) 0x0100); // rate 1.0, volume 1.0; the rest stays zero
    ByteBuffer moov = box("moov", mvhd.capacity()).put(mvhd.array());
    return concat(ftyp.array(), mdat.array(), moov.array());
  }

  /** A WebM: EBML header (DocType {@code docType}), a Segment of unknown size with Info (1 ms scale, Duration) and a Cluster. */
  static byte[] webm(String docType, double durationMillis) {
    byte[] header = element(0x1A45DFA3, concat(
        element(0x4286, new byte[] {1}),
        element(0x4282, docType.getBytes(StandardCharsets.US_ASCII)),
        element(0x4287, new byte[] {4})));
    byte[] info = element(0x1549A966, concat(
        element(0x2AD7B1, new byte[] {0x0F, 0x42, 0x40}),
        element(0x4489, ByteBuffer.allocate(8).putDouble(durationMillis).array())));
    byte[] cluster = element(0x1F43B675, new byte[] {(byte) 0xE7, (byte) 0x81, 0});
    byte[] unknownSize = {0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    return concat(header, id(0x18538067), unknownSize, info, cluster);
  }

  private static ByteBuffer box(String type, int bodyBytes) {
    return ByteBuffer.allocate(8 + bodyBytes).putInt(8 + bodyBytes).put(ascii(type));
  }

  private static byte[] element(int id, byte[] data) {
    if (data.length > 126) {
      throw new IllegalArgumentException("fixture elements are small");
    }
    return concat(id(id), new byte[] {(byte) (0x80 | data.length)}, data);
  }

  private static byte[] id(int id) {
    int length = id > 0xFFFFFF ? 4 : id > 0xFFFF ? 3 : id > 0xFF ? 2 : 1;
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (id >>> (8 * (length - 1 - i)));
    }
    return bytes;
  }

  private static void putLittleEndian24(byte[] bytes, int offset, int value) {
    bytes[offset] = (byte) value;
    bytes[offset + 1] = (byte) (value >>> 8);
    bytes[offset + 2] = (byte) (value >>> 16);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
