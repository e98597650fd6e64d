package io.gatecast.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloserTest {
  private final List<String> closed = new ArrayList<>();

  private AutoCloseable named(String name) {
    return () -> closed.add(name);
  }

  private AutoCloseable failing(String name) {
    return () -> {
      closed.add(name);
      throw new IllegalStateException(name + " would not close");
    };
  }

  @Test
  void closesNewestFirstAndForgetsWhatItClosed() throws Exception {
    Closer closer = new Closer();
    closer.add(named("broker"));
    closer.add(named("agent"));
    closer.add(named("browser"));
    closer.close();
    assertThat(closed).containsExactly("browser", "agent", "broker");
    closer.close();
    assertThat(closed).as("nothing closed twice").hasSize(3);
  }

  @Test
  void aCloseThatFailsStopsNoOtherAndTheFirstFailureCarriesTheRest() {
    Closer closer = new Closer();
    closer.add(named("broker"));
    closer.add(failing("agent"));
    closer.add(failing("browser"));
    assertThatThrownBy(closer::close).hasMessage("browser would not close")
        .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
            .containsExactly("agent would not close"));
    assertThat(closed).containsExactly("browser", "agent", "broker");
  }

  @Test
  void closesOneKindOrOneResourceNowAndTheRestAfter() throws Exception {
    final class Agent implements AutoCloseable {
      private final String name;

      Agent(String name) {
        this.name = name;
      }

      @Override
      public void close() {
        closed.add(name);
      }
    }
    Closer closer = new Closer();
    closer.add(named("broker"));
    closer.add(new Agent("agent-1"));
    AutoCloseable media = closer.add(named("media"));
    closer.add(new Agent("agent-2"));
    closer.closeAll(Agent.class);
    assertThat(closed).containsExactly("agent-2", "agent-1");
    closer.closeNow(media);
    closer.close();
    assertThat(closed).containsExactly("agent-2", "agent-1", "media", "broker");
  }
}
