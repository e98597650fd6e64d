package io.gatecast.agent.cache;

import io.gatecast.protocol.Codec;
import io.gatecast.protocol.ProtocolException;
import io.gatecast.protocol.ScheduleMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schedule on disk, in the wire format: the applied one ({@code <dataDir>/schedule.json}), so a
 * kiosk that boots without network plays what it last applied, and the verified one still being
 * fetched ({@code pending-schedule.json}), so a restart goes on fetching it without the broker.
 */
public final class ScheduleStore {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleStore.class);
  public static final String FILE_NAME = "schedule.json";
  public static final String PENDING_FILE_NAME = "pending-schedule.json";

  private final Path file;

  public ScheduleStore(Path dataDir) throws IOException {
    this(dataDir, FILE_NAME);
  }

  public ScheduleStore(Path dataDir, String fileName) throws IOException {
    Path dir = Files.createDirectories(dataDir);
    AtomicFiles.removeLeftovers(dir);
    this.file = dir.resolve(fileName);
  }

  /** Deletes the file (durably); loading then finds nothing. */
  public void clear() throws IOException {
    if (Files.deleteIfExists(file)) {
      AtomicFiles.fsyncDirectory(file.toAbsolutePath().getParent());
    }
  }

  public Path file() {
    return file;
  }

  public void save(ScheduleMessage schedule) throws IOException {
    AtomicFiles.write(file, Codec.encode(schedule));
  }

  /** The saved schedule, or empty when there is none or it cannot be read (logged). */
  public Optional<ScheduleMessage> load() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.error("cannot read {}: {}", file, e.toString());
      return Optional.empty();
    }
    try {
      return Optional.of(Codec.decode(bytes, ScheduleMessage.class));
    } catch (ProtocolException e) {
      // Atomic writes make this unlikely; a hand-edited or foreign file should not stop the agent.
      LOG.error("ignoring {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }
}
