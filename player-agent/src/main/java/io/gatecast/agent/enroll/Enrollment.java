package io.gatecast.agent.enroll;

import io.gatecast.agent.display.PairingPage;
import io.gatecast.protocol.enrollment.Identity;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntConsumer;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent started without {@code --screen-id}: uses the identity saved in its data folder, or,
 * when there is none, pairs with the controller (showing the code on the screen page's port) and
 * saves what it receives before going on. A restart never pairs again while the file is there.
 */
public final class Enrollment {
  private static final Logger LOG = LoggerFactory.getLogger(Enrollment.class);
  public static final Duration DEFAULT_POLL = Duration.ofSeconds(3);

  private Enrollment() {}

  /**
   * @param controller the controller's base URL, or null when the agent must not pair (then a
   *     saved identity is required)
   * @param pagePort where the pairing code is shown (the player page's port)
   */
  public static Identity savedOrPaired(Path dataDir, URI controller, int pagePort, Duration pollEvery)
      throws IOException, InterruptedException {
    return savedOrPaired(dataDir, controller, pagePort, pollEvery, null);
  }

  /** As above; {@code tls} (from {@code --ca-file}) is the trust for an {@code https://} controller, null for the JVM's. */
  public static Identity savedOrPaired(Path dataDir, URI controller, int pagePort, Duration pollEvery, SSLContext tls)
      throws IOException, InterruptedException {
    return savedOrPaired(dataDir, controller, pagePort, pollEvery, tls, port -> { });
  }

  /**
   * As above; {@code pageServing} is told the port the pairing page serves on (the real one when
   * {@code pagePort} is 0) as soon as it serves, before the controller is even asked for a code,
   * so the kiosk browser can show it from the first second. Not called when a saved identity is used.
   */
  public static Identity savedOrPaired(Path dataDir, URI controller, int pagePort, Duration pollEvery, SSLContext tls,
      IntConsumer pageServing) throws IOException, InterruptedException {
    IdentityStore store = new IdentityStore(dataDir);
    Optional<Identity> saved = store.load();
    if (saved.isPresent()) {
      LOG.info("enrolled as screen {} ({})", saved.get().screenId(), store.file());
      return saved.get();
    }
    if (controller == null) {
      throw new IllegalArgumentException("this agent has no identity yet (no " + store.file() + "): start it with"
          + " --controller-url <http://controller:8080> to pair it by code, or with --screen-id, --username,"
          + " --password and --controller-key");
    }
    try (PairingPage page = PairingPage.start(pagePort)) {
      pageServing.accept(page.port());
      Identity identity = new Pairing(controller, page, pollEvery, tls).run();
      store.save(identity);
      LOG.info("enrolled as screen {}; identity saved in {}", identity.screenId(), store.file());
      return identity;
    }
  }
}
