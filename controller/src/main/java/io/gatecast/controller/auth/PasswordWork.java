package io.gatecast.controller.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.Optional;

/**
 * The slow password work (hashing a new password, checking one) off the event loop. Checks run on
 * at most {@value #CHECK_WORKERS} threads: a burst of sign-ins cannot take every core from the rest.
 */
public final class PasswordWork {
  private static final int CHECK_WORKERS = 2;

  /**
   * Hashed once, on first use off the event loop (a holder class): an unknown username costs as
   * much time as a wrong password, so timing tells nothing.
   */
  private static final class DummyHash {
    static final String VALUE = Passwords.hash(Passwords.generate());
  }

  private final Vertx vertx;
  private final WorkerExecutor checkWorkers;

  public PasswordWork(Vertx vertx) {
    this.vertx = vertx;
    this.checkWorkers = vertx.createSharedWorkerExecutor("gatecast-password-checks", CHECK_WORKERS);
  }

  /** The stored form of a new password. */
  public Future<String> hash(String password) {
    return vertx.executeBlocking(() -> Passwords.hash(password), false);
  }

  /** Whether {@code password} matches {@code hash}; a missing hash (no such user) is checked against a dummy, in the same time. */
  public Future<Boolean> matches(String password, Optional<String> hash) {
    return checkWorkers.executeBlocking(() -> {
      boolean matches = Passwords.matches(password, hash.orElseGet(() -> DummyHash.VALUE));
      return matches && hash.isPresent();
    }, false);
  }
}
