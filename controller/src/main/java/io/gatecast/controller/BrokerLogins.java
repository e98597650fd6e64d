package io.gatecast.controller;

import io.gatecast.controller.broker.BrokerAuth;
import io.gatecast.controller.broker.EmbeddedBroker;
import io.gatecast.controller.broker.ScreenAccess;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.screens.ScreenSetup;
import io.gatecast.controller.screens.ScreenSetupRepository;
import io.gatecast.controller.store.Database;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the embedded broker asks of the store (a screen's login, a re-hashed password) and what it is
 * told back (revocations, moves): the glue between broker and store, built by the composition root.
 */
final class BrokerLogins {
  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(BrokerLogins.class);
  private final Database db;
  private final ScreenRepository screens;
  private final ScreenSetupRepository setups;

  BrokerLogins(Database db, ScreenRepository screens, ScreenSetupRepository setups) {
    this.db = db;
    this.screens = screens;
    this.setups = setups;
  }

  /**
   * A screen's stored password hash and cluster, for the broker's login check on Moquette's thread: a
   * blocking wait on the database thread, bounded so a stuck database refuses logins instead of
   * hanging them. Empty for a revoked screen (whose hash is gone anyway).
   */
  Optional<BrokerAuth.ScreenLogin> login(String screenId) {
    try {
      return db.transaction(c -> {
        Optional<ScreenSetup> setup = setups.find(c, screenId).filter(s -> !s.revoked());
        Optional<String> hash = screens.passwordHash(c, screenId);
        return setup.isPresent() && hash.isPresent()
            ? Optional.of(new BrokerAuth.ScreenLogin(hash.get(), setup.get().clusterId()))
            : Optional.<BrokerAuth.ScreenLogin>empty();
      }).toCompletionStage().toCompletableFuture()
          .get(LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("cannot look up the MQTT password of screen {}: {}", screenId, e.toString());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Stores a screen's password re-hashed at today's work factor (see PasswordHash). Queued for the
   * database thread and not awaited: it runs on Moquette's thread during a login.
   */
  void upgradeHash(String screenId, String oldHash, String newHash) {
    db.transaction(c -> screens.replacePasswordHash(c, screenId, oldHash, newHash))
        .onSuccess(replaced -> LOG.debug("MQTT password hash of screen {} {}", screenId,
            replaced ? "re-hashed at the current work factor" : "changed meanwhile; re-hash dropped"))
        .onFailure(e -> LOG.warn("could not store the re-hashed MQTT password of screen {}: {}", screenId, e.toString()));
  }

  /** Revocations and cluster moves reach the embedded broker at once; an external one only through its files. */
  static ScreenAccess access(EmbeddedBroker embedded) {
    if (embedded == null) {
      return ScreenAccess.NONE;
    }
    return new ScreenAccess() {
      @Override
      public void cutOff(String screenId) {
        int sessions = embedded.cutOff(screenId);
        LOG.info("screen {} cut off; {} open session(s) disconnected", screenId, sessions);
      }

      @Override
      public void moved(String screenId, String clusterId) {
        embedded.moved(screenId, clusterId);
      }
    };
  }
}
