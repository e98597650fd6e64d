package io.gatecast.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HandoffTest {
  @Test
  void runsTheWorkOnTheThreadItIsHandedTo() throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    AtomicBoolean ran = new AtomicBoolean();
    try {
      assertThat(Handoff.run(thread, () -> ran.set(true), "a schedule arrived too late to apply")).isTrue();
    } finally {
      thread.shutdown();
      assertThat(thread.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(ran).isTrue();
  }

  @Test
  void dropsWorkThatArrivesOnceTheThreadIsStoppedWithoutThrowingIntoTheCaller() {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    thread.shutdownNow();
    AtomicBoolean ran = new AtomicBoolean();

    boolean taken = Handoff.run(thread, () -> ran.set(true), "a command arrived too late to apply");

    assertThat(taken).isFalse();
    assertThat(ran).isFalse();
  }
}
