package io.gatecast.agent.alerts;

import io.gatecast.agent.cache.AtomicFiles;
import io.gatecast.protocol.AlertMessage;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.ProtocolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last accepted cluster alert message ({@code <dataDir>/alerts.json}), written atomically.
 * It holds both what to show after a restart with no network and the version below which a
 * replayed alert message is refused.
 */
public final class AlertStore {
  private static final Logger LOG = LoggerFactory.getLogger(AlertStore.class);
  public static final String FILE_NAME = "alerts.json";

  private final Path file;

  public AlertStore(Path dataDir) throws IOException {
    this.file = Files.createDirectories(dataDir).resolve(FILE_NAME);
  }

  public void save(AlertMessage message) throws IOException {
    AtomicFiles.write(file, Codec.encode(message));
  }

  /** The saved message, or empty when there is none or it cannot be read (logged). */
  public Optional<AlertMessage> load() {
    try {
      return Optional.of(Codec.decode(Files.readAllBytes(file), AlertMessage.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | ProtocolException e) {
      LOG.error("ignoring {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }
}
