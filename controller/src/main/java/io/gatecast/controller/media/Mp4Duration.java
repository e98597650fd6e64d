package io.gatecast.controller.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The duration of an ISO-BMFF (MP4) file from its movie header: top-level boxes are walked to
 * {@code moov} (which may sit after a huge {@code mdat}, so boxes are skipped, not read), and its
 * {@code mvhd} gives timescale and duration. A fragmented MP4 says 0 there: duration unknown.
 */
final class Mp4Duration {
  private static final int MAX_BOXES = 10_000;

  private Mp4Duration() {}

  /** Milliseconds, or null when the header does not say. Throws when there is no movie header at all. */
  static Long of(FileBytes file) throws IOException {
    long[] moov = findBox(file, 0, file.size(), "moov");
    if (moov == null) {
      throw new UnsupportedMediaException("an MP4 (ISO-BMFF) file without a 'moov' box: it is incomplete or not"
          + " a movie; nothing was stored");
    }
    long[] mvhd = findBox(file, moov[0], moov[1], "mvhd");
    if (mvhd == null) {
      throw new UnsupportedMediaException("an MP4 file whose 'moov' box has no 'mvhd' header; nothing was stored");
    }
    byte[] head = file.read(mvhd[0], 1);
    int version = head[0];
    byte[] fields = version == 1 ? file.read(mvhd[0] + 4 + 16, 12) : file.read(mvhd[0] + 4 + 8, 8);
    long timescale = FileBytes.uint(fields, 0, 4);
    long duration = version == 1 ? FileBytes.uint(fields, 4, 8) : FileBytes.uint(fields, 4, 4);
    boolean unknown = duration == 0 || (version == 1 ? duration == -1L : duration == 0xFFFFFFFFL);
    if (timescale == 0 || unknown || duration < 0) {
      return null;
    }
    return duration <= Long.MAX_VALUE / 1000 ? duration * 1000 / timescale : duration / timescale * 1000;
  }

  /**
   * The first box of {@code type} among the boxes in {@code [start, end)}: {payload start, payload end},
   * or null.
   */
  private static long[] findBox(FileBytes file, long start, long end, String type) throws IOException {
    long position = start;
    for (int i = 0; i < MAX_BOXES && position + 8 <= end; i++) {
      byte[] header = file.read(position, 8);
      long size = FileBytes.uint(header, 0, 4);
      String boxType = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
      long headerSize = 8;
      if (size == 1) {
        size = FileBytes.uint(file.read(position + 8, 8), 0, 8);
        headerSize = 16;
      } else if (size == 0) {
        size = end - position;
      }
      if (size < headerSize || position + size > end) {
        throw new UnsupportedMediaException("an MP4 file with a broken '" + printable(boxType) + "' box at byte "
            + position + "; nothing was stored");
      }
      if (boxType.equals(type)) {
        return new long[] {position + headerSize, position + size};
      }
      position += size;
    }
    return null;
  }

  private static String printable(String s) {
    return s.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
