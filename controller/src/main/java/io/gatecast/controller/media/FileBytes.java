package io.gatecast.controller.media;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Positional reads from a file, for parsing container headers without reading whole videos. */
final class FileBytes {
  private final FileChannel channel;
  private final long size;

  FileBytes(FileChannel channel) throws IOException {
    this.channel = channel;
    this.size = channel.size();
  }

  long size() {
    return size;
  }

  /** Up to {@code length} bytes at {@code position}: fewer only at the end of the file. */
  byte[] readUpTo(long position, int length) throws IOException {
    int wanted = (int) Math.max(0, Math.min(length, size - position));
    ByteBuffer buffer = ByteBuffer.allocate(wanted);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        break;
      }
    }
    byte[] bytes = new byte[buffer.position()];
    buffer.flip().get(bytes);
    return bytes;
  }

  /** Exactly {@code length} bytes at {@code position}, or EOFException. */
  byte[] read(long position, int length) throws IOException {
    byte[] bytes = readUpTo(position, length);
    if (bytes.length < length) {
      throw new EOFException("the file ends at byte " + size + ", inside a header that needs " + length
          + " bytes at " + position);
    }
    return bytes;
  }

  static long uint(byte[] b, int offset, int length) {
    long value = 0;
    for (int i = 0; i < length; i++) {
      value = (value << 8) | (b[offset + i] & 0xFF);
    }
    return value;
  }

  static int uintLittleEndian(byte[] b, int offset, int length) {
    int value = 0;
    for (int i = length - 1; i >= 0; i--) {
      value = (value << 8) | (b[offset + i] & 0xFF);
    }
    return value;
  }
}
