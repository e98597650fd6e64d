package io.gatecast.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  @Test
  void closesThePartsInReverseOfTheOrderTheyWerePushed() {
    List<String> closed = new ArrayList<>();
    Lifecycle parts = new Lifecycle();
    parts.push("page", () -> closed.add("page"));
    parts.push("link", () -> closed.add("link"));
    parts.push("heartbeats", () -> closed.add("heartbeats"));

    parts.close();

    assertThat(closed).containsExactly("heartbeats", "link", "page");
  }

  @Test
  void goesOnClosingTheRestWhenAPartFailsToClose() {
    List<String> closed = new ArrayList<>();
    Lifecycle parts = new Lifecycle();
    parts.push("page", () -> closed.add("page"));
    parts.push("journal", () -> {
      throw new IOException("disk gone");
    });
    parts.push("link", () -> {
      closed.add("link");
      throw new IllegalStateException("broker gone");
    });
    parts.push("heartbeats", () -> closed.add("heartbeats"));

    parts.close();

    assertThat(closed).containsExactly("heartbeats", "link", "page");
  }

  @Test
  void anInterruptedCloseGoesOnAndKeepsTheInterrupt() {
    List<String> closed = new ArrayList<>();
    Lifecycle parts = new Lifecycle();
    parts.push("page", () -> closed.add("page"));
    parts.push("thread", () -> {
      throw new InterruptedException();
    });
    try {
      parts.close();

      assertThat(closed).containsExactly("page");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted(); // clears the flag for the next test
    }
  }

  @Test
  void closesEachPartOnceThoughClosedTwice() {
    List<String> closed = new ArrayList<>();
    Lifecycle parts = new Lifecycle();
    parts.push("page", () -> closed.add("page"));

    parts.close();
    parts.close();

    assertThat(closed).containsExactly("page");
  }

  @Test
  void aPartOpenedAfterTheCloseIsClosedAtOnceAndRefused() {
    List<String> closed = new ArrayList<>();
    Lifecycle parts = new Lifecycle();
    parts.close();

    assertThatThrownBy(() -> parts.push("late", () -> closed.add("late")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("late");
    assertThat(closed).containsExactly("late");
  }
}
