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
 *
 * <p>The controller sends a command again when it may not have arrived (a broker that did not take
 * it, a screen back online), with the same sequence, so the same command can come twice or more.
 * {@link #ran} tells such a copy of one already run (the last one, or one of the last
 * {@value #REMEMBERED} run by this process) from a replay of an older one: a copy is not run and
 * not reported as a refusal (its answer is sent again); a command id runs at most once either way.
 */
public final class CommandSequence {
  public static final String FILE_NAME = "command-sequence";

  static final int REMEMBERED = 256;
  private final Path file;
  private volatile Long last;
  /** Sequences run by this process, newest last, at most {@link #REMEMBERED}. */
  private final java.util.LinkedHashSet<Long> recent = new java.util.LinkedHashSet<>();

  /** @throws IOException when the saved sequence exists but cannot be read: replay protection must not be guessed */
  public CommandSequence(Path dataDir) throws IOException {
    this.file = Files.createDirectories(dataDir).resolve(FILE_NAME);
    this.last = read(file);
  }

  public Optional<Long> last() {
    return Optional.ofNullable(last);
  }

  /** Whether a command with this sequence already ran here: a copy the controller sent again. */
  public synchronized boolean ran(long sequence) {
    return (last != null && last == sequence) || recent.contains(sequence);
  }

  public synchronized void save(long sequence) throws IOException {
    AtomicFiles.write(file, (Long.toString(sequence) + "\n").getBytes(StandardCharsets.US_ASCII));
    last = sequence;
    recent.add(sequence);
    if (recent.size() > REMEMBERED) {
      recent.remove(recent.iterator().next());
    }
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
