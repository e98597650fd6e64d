package io.gatecast.agent.cache;

import io.gatecast.protocol.ProtocolException;
import io.gatecast.protocol.Rejection;
import io.gatecast.protocol.RejectedException;
import io.gatecast.protocol.ScheduleMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schedule on disk exactly as the controller signed it (the envelope as it came over the wire):
 * the applied one ({@code <dataDir>/schedule.json}), so a kiosk that boots without network plays
 * what it last applied, and the verified one still being fetched ({@code pending-schedule.json}),
 * so a restart goes on fetching it without the broker.
 *
 * <p>Nothing on disk is trusted more than the wire: {@link #load} opens what it reads with the
 * same signature check as a message from the broker. The applied store also keeps the previous
 * good schedule ({@code schedule.previous.json}): when the newest copy is torn, edited or forged,
 * the screen plays the one before rather than nothing.
 *
 * <p>A copy is either one signed schedule envelope or, for a screen placed in its cluster's schedule,
 * the placement and the cluster schedule together (the agent's {@code Placed}); the {@link Opener}
 * tells them apart and checks both kinds.
 */
public final class ScheduleStore {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleStore.class);
  public static final String FILE_NAME = "schedule.json";
  public static final String PREVIOUS_FILE_NAME = "schedule.previous.json";
  public static final String PENDING_FILE_NAME = "pending-schedule.json";

  /** Checks a signed envelope read from disk as if it came from the broker. */
  @FunctionalInterface
  public interface Opener {
    /** @throws RejectedException when it is not a schedule this screen would accept from the wire */
    Checked open(byte[] envelope);
  }

  /**
   * What a copy holds once checked: the schedule it plays and, for a placement, the version of the
   * cluster schedule it plays it in (null for a whole schedule).
   */
  public record Checked(ScheduleMessage schedule, Long clusterVersion) {
    /** The same schedule, perhaps signed again: the same version, in the same cluster schedule version. */
    public boolean sameAs(Checked other) {
      return schedule.version().equals(other.schedule.version())
          && java.util.Objects.equals(clusterVersion, other.clusterVersion);
    }
  }

  /** A schedule whose envelope verified, and the exact bytes it was read from. */
  public record Saved(Checked checked, byte[] envelope) {
    public ScheduleMessage schedule() {
      return checked.schedule();
    }

    public Long clusterVersion() {
      return checked.clusterVersion();
    }
  }

  /**
   * What {@link #load} found.
   *
   * @param refused one refusal per copy on disk that did not verify (newest first); each deserves a
   *     report to the controller, the screen plays {@code schedule} anyway if one verified
   */
  public record Loaded(Optional<Saved> saved, List<RejectedException> refused) {
    /** Whether the schedule found is not the newest copy (that one was refused). */
    public boolean fellBack() {
      return saved.isPresent() && !refused.isEmpty();
    }
  }

  private final Path file;
  private final Path previous;

  public ScheduleStore(Path dataDir) throws IOException {
    this(dataDir, FILE_NAME);
  }

  /** A store of one file; only the applied store ({@link #FILE_NAME}) keeps a previous copy. */
  public ScheduleStore(Path dataDir, String fileName) throws IOException {
    Path dir = Files.createDirectories(dataDir);
    AtomicFiles.removeLeftovers(dir);
    this.file = dir.resolve(fileName);
    this.previous = fileName.equals(FILE_NAME) ? dir.resolve(PREVIOUS_FILE_NAME) : null;
  }

  /** Deletes the file (durably); loading then finds nothing. The previous copy stays. */
  public void clear() throws IOException {
    if (Files.deleteIfExists(file)) {
      AtomicFiles.fsyncDirectory(file.toAbsolutePath().getParent());
    }
  }

  public Path file() {
    return file;
  }

  /**
   * Saves {@code envelope} (already verified, holding {@code what}) as the newest copy; the copy it
   * replaces becomes the previous one, unless it is the same schedule re-signed (then it is simply
   * replaced). A crash between the two steps leaves the previous copy, which {@link #load} falls back to.
   */
  public void save(byte[] envelope, Checked what, Opener opener) throws IOException {
    if (previous != null && Files.exists(file)) {
      Optional<Saved> current = read(file, opener, new ArrayList<>());
      if (current.isPresent() && !current.get().checked().sameAs(what)) {
        Files.move(file, previous, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        AtomicFiles.fsyncDirectory(file.toAbsolutePath().getParent());
      }
    }
    AtomicFiles.write(file, envelope);
  }

  /** The newest copy that verifies with {@code opener} (the previous one if the newest does not). */
  public Loaded load(Opener opener) {
    List<RejectedException> refused = new ArrayList<>();
    Optional<Saved> newest = read(file, opener, refused);
    if (newest.isPresent() || previous == null) {
      return new Loaded(newest, List.copyOf(refused));
    }
    Optional<Saved> older = read(previous, opener, refused);
    older.ifPresent(s -> LOG.warn("playing the previous good schedule, version {}, from {}", s.schedule().version(),
        previous.getFileName()));
    return new Loaded(older, List.copyOf(refused));
  }

  private static Optional<Saved> read(Path path, Opener opener, List<RejectedException> refused) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.error("cannot read {}: {}", path, e.toString());
      refused.add(new RejectedException(Rejection.MALFORMED, "saved " + path.getFileName() + " cannot be read: " + e));
      return Optional.empty();
    }
    try {
      return Optional.of(new Saved(opener.open(bytes), bytes));
    } catch (ProtocolException | IllegalArgumentException e) {
      RejectedException r = e instanceof ProtocolException p ? RejectedException.from(p)
          : new RejectedException(Rejection.MALFORMED, e.getMessage());
      LOG.error("refusing the saved {}: {} ({})", path.getFileName(), r.reason(), r.detail());
      refused.add(new RejectedException(r.reason(), "saved " + path.getFileName() + " on this screen's disk: "
          + r.detail(), r.messageId(), e));
      return Optional.empty();
    }
  }
}
