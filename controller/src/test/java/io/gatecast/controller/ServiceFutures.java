package io.gatecast.controller;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.gatecast.controller.refusal.Refusal;
import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Waits, with a deadline, for what a service answers: a value, or the refusal it failed with. */
public final class ServiceFutures {
  private static final long DEADLINE_SECONDS = 30;

  private ServiceFutures() {}

  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("expected success", e);
    }
  }

  public static Refusal refused(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return assertInstanceOf(Refusal.class, e.getCause());
    } catch (Exception e) {
      throw new AssertionError("expected a refusal", e);
    }
    throw new AssertionError("expected a refusal, got success");
  }
}
