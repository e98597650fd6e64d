package io.gatecast.agent.commands;

import io.gatecast.agent.cache.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The sequence of the last command this screen executed ({@code <dataDir>/command-sequence}),
 * written atomically <em>before</em> the command runs: a RESTART that crashed half-way, or any
 * command redelivered after a restart, is then refused as a replay instead of run twice.
 */
public final class CommandSequence {
  public static final String FILE_NAME = "command-sequence";

  private final Path file;
  private volatile Long last;

  /** @throws IOException when the saved sequence exists but cannot be read: replay protection must not be guessed */
  public CommandSequence(Path dataDir) throws IOException {
    this.file = Files.createDirectories(dataDir).resolve(FILE_NAME);
    this.last = read(file);
  }

  public Optional<Long> last() {
    return Optional.ofNullable(last);
  }

  public void save(long sequence) throws IOException {
    AtomicFiles.write(file, (Long.toString(sequence) + "\n").getBytes(StandardCharsets.US_ASCII));
    last = sequence;
  }

  private static Long read(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    } catch (NoSuchFileException e) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IOException(file + " does not hold a command sequence number ('" + text
          + "'); delete it to accept the controller's next command", e);
    }
  }
}
