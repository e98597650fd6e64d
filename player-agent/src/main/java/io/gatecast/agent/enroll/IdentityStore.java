package io.gatecast.agent.enroll;

import io.gatecast.agent.cache.AtomicFiles;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.enrollment.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The identity an enrolled agent received, in {@code <dataDir>/identity.json}: screen id, MQTT login,
 * broker URL and the controller key it pinned, in one file written atomically (a power cut leaves
 * the old file or the new one) and readable by the owner only (it holds the MQTT password).
 */
public final class IdentityStore {
  public static final String FILE_NAME = "identity.json";
  private final Path file;

  public IdentityStore(Path dataDir) {
    this.file = dataDir.resolve(FILE_NAME);
  }

  public Path file() {
    return file;
  }

  /**
   * The saved identity, or empty when there is none (the agent must pair).
   *
   * @throws IOException when a file is there but unreadable: the agent must not pair again over an
   *     identity it merely failed to read, so it stops and says which file to fix or delete
   */
  public Optional<Identity> load() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Codec.mapper().readValue(file.toFile(), Identity.class));
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot read this screen's identity in " + file + " (" + e.getMessage()
          + "); delete it to pair the screen again", e);
    }
  }

  /** Saves atomically; the temp file is made owner-only before any byte is written, so the password never shows. */
  public void save(Identity identity) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFiles.write(file, Codec.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(identity));
    try {
      // Files.createTempFile (inside AtomicFiles) already makes 0600 files on POSIX; this says it out loud.
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system (Windows): its ACLs are the owner's business
    }
  }
}
