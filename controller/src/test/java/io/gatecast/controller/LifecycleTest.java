package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The controller's lifecycle stack: reverse order, every part closed despite a failing one, once only. */
class LifecycleTest {
  private final List<String> closed = new ArrayList<>();

  private AutoCloseable part(String name) {
    return () -> closed.add(name);
  }

  @Test
  void closesTheLastOpenedFirst() {
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.push("database", part("database"));
    lifecycle.push("broker", part("broker"));
    lifecycle.push("http", part("http"));

    lifecycle.close();

    assertThat(closed).containsExactly("http", "broker", "database");
  }

  @Test
  void goesOnAfterAPartFailsToClose() {
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.push("database", part("database"));
    lifecycle.push("stuck", () -> {
      throw new IllegalStateException("stuck");
    });
    lifecycle.push("interrupted", () -> {
      throw new InterruptedException("interrupted");
    });
    lifecycle.push("http", part("http"));

    lifecycle.close();

    assertThat(closed).containsExactly("http", "database");
    // An interruption is passed on, not swallowed.
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void closingTwiceClosesEachPartOnce() {
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.push("database", part("database"));

    lifecycle.close();
    lifecycle.close();

    assertThat(closed).containsExactly("database");
  }

  @Test
  void aPartOpenedAfterCloseIsClosedAtOnceAndRefused() {
    Lifecycle lifecycle = new Lifecycle();
    lifecycle.close();

    assertThatThrownBy(() -> lifecycle.push("late timer", part("late timer")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("late timer");
    assertThat(closed).containsExactly("late timer");
  }

  @Test
  void pushHandsThePartBack() {
    Lifecycle lifecycle = new Lifecycle();
    AutoCloseable database = part("database");

    assertThat(lifecycle.push("database", database)).isSameAs(database);
  }
}
