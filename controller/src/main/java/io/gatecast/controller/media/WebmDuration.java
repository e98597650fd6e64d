package io.gatecast.controller.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * WebM (EBML/Matroska) headers: the document type from the EBML header, and the duration from
 * the Segment's Info element (Duration in TimestampScale units, default 1 ms). Only the
 * Segment's first children are looked at; Info comes before the media clusters in practice, and
 * when it does not (or carries no Duration) the duration is left unknown.
 */
final class WebmDuration {
  private static final long EBML = 0x1A45DFA3L;
  private static final long DOC_TYPE = 0x4282L;
  private static final long SEGMENT = 0x18538067L;
  private static final long INFO = 0x1549A966L;
  private static final long CLUSTER = 0x1F43B675L;
  private static final long TIMESTAMP_SCALE = 0x2AD7B1L;
  private static final long DURATION = 0x4489L;
  private static final int MAX_ELEMENTS = 64;

  private WebmDuration() {}

  /** The EBML DocType ("webm", "matroska", ...), or null when the header has none. */
  static String docType(FileBytes file) throws IOException {
    Element ebml = Element.at(file, 0);
    if (ebml.id != EBML) {
      return null;
    }
    long position = ebml.dataStart;
    long end = ebml.end(file);
    for (int i = 0; i < MAX_ELEMENTS && position < end; i++) {
      Element child = Element.at(file, position);
      if (child.id == DOC_TYPE && child.size < 64) {
        return new String(file.read(child.dataStart, (int) child.size), StandardCharsets.US_ASCII).trim();
      }
      position = child.end(file);
    }
    return null;
  }

  /** Milliseconds, or null when the file does not say where we look. */
  static Long of(FileBytes file) throws IOException {
    Element ebml = Element.at(file, 0);
    Element segment = Element.at(file, ebml.end(file));
    if (segment.id != SEGMENT) {
      return null;
    }
    long position = segment.dataStart;
    long end = segment.end(file);
    for (int i = 0; i < MAX_ELEMENTS && position < end; i++) {
      Element child = Element.at(file, position);
      if (child.id == INFO) {
        return durationIn(file, child);
      }
      if (child.id == CLUSTER || child.size < 0) {
        return null;
      }
      position = child.end(file);
    }
    return null;
  }

  private static Long durationIn(FileBytes file, Element info) throws IOException {
    long scaleNanos = 1_000_000;
    Double duration = null;
    long position = info.dataStart;
    long end = info.end(file);
    for (int i = 0; i < MAX_ELEMENTS && position < end; i++) {
      Element child = Element.at(file, position);
      if (child.id == TIMESTAMP_SCALE && child.size >= 1 && child.size <= 8) {
        scaleNanos = FileBytes.uint(file.read(child.dataStart, (int) child.size), 0, (int) child.size);
      } else if (child.id == DURATION && (child.size == 4 || child.size == 8)) {
        ByteBuffer value = ByteBuffer.wrap(file.read(child.dataStart, (int) child.size));
        duration = child.size == 4 ? (double) value.getFloat() : value.getDouble();
      }
      position = child.end(file);
    }
    if (duration == null || duration.isNaN() || duration <= 0 || scaleNanos <= 0) {
      return null;
    }
    double millis = duration * scaleNanos / 1_000_000d;
    return millis > Long.MAX_VALUE / 2 ? null : Math.round(millis);
  }

  /** An EBML element header: its id (with its length marker, as the specs write ids), data start and size (-1: unknown). */
  private record Element(long id, long dataStart, long size) {
    static Element at(FileBytes file, long position) throws IOException {
      byte[] head = file.readUpTo(position, 12);
      if (head.length < 2) {
        throw new UnsupportedMediaException("a WebM file that ends inside an element header at byte " + position
            + "; nothing was stored");
      }
      int idLength = length(head[0], 4, position);
      int sizeLength = length(head[idLength], 8, position);
      if (head.length < idLength + sizeLength) {
        throw new UnsupportedMediaException("a WebM file that ends inside an element header at byte " + position
            + "; nothing was stored");
      }
      long id = FileBytes.uint(head, 0, idLength);
      long size = head[idLength] & (0xFF >> sizeLength);
      boolean allOnes = size == (0xFF >> sizeLength);
      for (int i = 1; i < sizeLength; i++) {
        int b = head[idLength + i] & 0xFF;
        allOnes &= b == 0xFF;
        size = (size << 8) | b;
      }
      return new Element(id, position + idLength + sizeLength, allOnes ? -1 : size);
    }

    /** Where the element ends; an unknown size runs to the end of the file. */
    long end(FileBytes file) {
      return size < 0 || dataStart + size > file.size() ? file.size() : dataStart + size;
    }

    private static int length(byte first, int max, long position) {
      int leadingZeros = Integer.numberOfLeadingZeros(first & 0xFF) - 24;
      if (leadingZeros >= max) {
        throw new UnsupportedMediaException("a WebM file with a malformed element header at byte " + position
            + "; nothing was stored");
      }
      return leadingZeros + 1;
    }
  }
}
