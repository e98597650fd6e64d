package io.gatecast.controller.media;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Says what an upload is from its bytes — magic numbers, then the format's own header — never from
 * its name or the Content-Type it was sent with. Accepted: PNG, JPEG, GIF, WebP, MP4 (ISO-BMFF)
 * and WebM, plus SVG because the demo's slides are SVG (see {@link SvgCheck}). Anything else is
 * refused with an {@link UnsupportedMediaException} saying what was found.
 */
public final class MediaInspector {
  public static final String PNG = "image/png";
  public static final String JPEG = "image/jpeg";
  public static final String GIF = "image/gif";
  public static final String WEBP = "image/webp";
  public static final String SVG = "image/svg+xml";
  public static final String MP4 = "video/mp4";
  public static final String WEBM = "video/webm";
  /** Every type an upload can be stored as. */
  public static final List<String> ACCEPTED = List.of(PNG, JPEG, GIF, WEBP, SVG, MP4, WEBM);

  /** ftyp brands of still images (HEIF, AVIF) that share MP4's container. */
  private static final Set<String> IMAGE_BRANDS = Set.of("avif", "avis", "heic", "heix", "heim", "heis", "mif1", "msf1");
  private static final int HEAD_BYTES = 64;

  private MediaInspector() {}

  /**
   * Inspects the file; throws {@link UnsupportedMediaException} for anything a screen cannot show,
   * its message a sentence starting "the upload is ...".
   */
  public static MediaInfo inspect(Path file) throws IOException {
    try {
      return inspectBytes(file);
    } catch (UnsupportedMediaException e) {
      throw new UnsupportedMediaException(e.code(), "the upload is " + e.getMessage(), e.details());
    } catch (java.io.EOFException e) {
      throw new UnsupportedMediaException("the upload is truncated: " + e.getMessage() + "; nothing was stored");
    }
  }

  private static MediaInfo inspectBytes(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      FileBytes bytes = new FileBytes(channel);
      byte[] head = bytes.readUpTo(0, HEAD_BYTES);
      if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
        return readableImage(file, PNG, "png");
      }
      if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
        return readableImage(file, JPEG, "jpeg");
      }
      if (ascii(head, 0, 6).equals("GIF87a") || ascii(head, 0, 6).equals("GIF89a")) {
        return readableImage(file, GIF, "gif");
      }
      if (ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
        int[] size = WebpSize.of(head);
        return MediaInfo.image(WEBP, size[0], size[1]);
      }
      if (ascii(head, 4, 4).equals("ftyp")) {
        String brand = ascii(head, 8, 4);
        if (IMAGE_BRANDS.contains(brand)) {
          throw new UnsupportedMediaException("a HEIF/AVIF still image (ISO-BMFF brand '" + brand + "'), which screens"
              + " do not show reliably; convert it to JPEG, PNG or WebP; nothing was stored");
        }
        if (brand.equals("qt  ")) {
          throw new UnsupportedMediaException("a QuickTime movie (brand 'qt'); convert it to MP4 (H.264) or WebM;"
              + " nothing was stored");
        }
        return MediaInfo.video(MP4, Mp4Duration.of(bytes));
      }
      if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
        String docType = WebmDuration.docType(bytes);
        if (!"webm".equals(docType)) {
          throw new UnsupportedMediaException("a Matroska file of type '" + docType + "', not WebM; convert it to WebM"
              + " or MP4; nothing was stored");
        }
        return MediaInfo.video(WEBM, WebmDuration.of(bytes));
      }
      if (looksLikeMarkup(head)) {
        if (new String(head, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT).matches("(?s)\\s*(<!doctype html|<html).*")) {
          throw new UnsupportedMediaException("an HTML document; HTML slides are content items, not uploads;"
              + " nothing was stored");
        }
        return SvgCheck.inspect(file);
      }
      throw new UnsupportedMediaException(describe(head) + "; a screen shows only " + ACCEPTED
          + "; nothing was stored");
    }
  }

  private static MediaInfo readableImage(Path file, String mimeType, String format) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return MediaInfo.image(mimeType, reader.getWidth(0), reader.getHeight(0));
      } catch (IOException | RuntimeException e) {
        throw new UnsupportedMediaException("a " + format.toUpperCase() + " file whose header cannot be read ("
            + e.getMessage() + "): it is damaged or truncated; nothing was stored");
      } finally {
        reader.dispose();
      }
    }
  }

  /** What some common files that are not media look like, so the refusal says what was sent. */
  private static String describe(byte[] head) {
    String start = ascii(head, 0, 8);
    if (start.startsWith("%PDF")) {
      return "a PDF document";
    }
    if (startsWith(head, 0, 'P', 'K', 3, 4)) {
      return "a ZIP archive (or an Office document)";
    }
    if (start.startsWith("MZ")) {
      return "a Windows program";
    }
    if (startsWith(head, 0, 0x7F, 'E', 'L', 'F')) {
      return "a Linux program (ELF)";
    }
    if (start.startsWith("BM")) {
      return "probably a BMP bitmap";
    }
    if (startsWith(head, 0, 'I', 'I', '*', 0) || startsWith(head, 0, 'M', 'M', 0, '*')) {
      return "a TIFF image";
    }
    if (start.startsWith("RIFF") && ascii(head, 8, 4).equals("AVI ")) {
      return "an AVI video";
    }
    if (start.startsWith("OggS")) {
      return "an Ogg file";
    }
    if (start.startsWith("ID3")) {
      return "an MP3 audio file";
    }
    int shown = Math.min(head.length, 8);
    return "unrecognised bytes (starting with 0x" + HexFormat.of().formatHex(head, 0, shown) + ")";
  }

  private static boolean looksLikeMarkup(byte[] head) {
    int i = 0;
    if (startsWith(head, 0, 0xEF, 0xBB, 0xBF)) {
      i = 3;
    }
    while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
      i++;
    }
    return i < head.length && head[i] == '<';
  }

  private static boolean startsWith(byte[] head, int offset, int... expected) {
    if (head.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((head[offset + i] & 0xFF) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static String ascii(byte[] head, int offset, int length) {
    if (head.length < offset + length) {
      return "";
    }
    return new String(head, offset, length, StandardCharsets.ISO_8859_1);
  }
}
