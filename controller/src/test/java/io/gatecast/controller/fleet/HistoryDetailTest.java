package io.gatecast.controller.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.gatecast.protocol.AgentWords;
import io.gatecast.protocol.CodedWords;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The words a history entry's detail is stored in, read as a code and values for the console to say in its reader's
 * language: the controller's own words and the agent's display detail; anything else has no code.
 */
class HistoryDetailTest {
  @Test
  void theControllersOwnWordsAreCoded() {
    assertThat(HistoryDetail.read("last-will")).contains(new CodedWords("lastWill", Map.of()));
    assertThat(HistoryDetail.read("no heartbeat for 30 s")).hasValueSatisfying(d -> {
      assertThat(d.code()).isEqualTo("silent");
      assertThat(d.args()).containsExactly(entry("seconds", "30"));
    });
    assertThat(HistoryDetail.read("applied null, published 3")).hasValueSatisfying(d -> {
      assertThat(d.code()).isEqualTo("versions");
      assertThat(d.args()).as("nothing applied: no value").containsExactly(entry("published", "3"));
    });
    assertThat(HistoryDetail.read("applied 2, published 3; gate schedule applied null, published 7"))
        .hasValueSatisfying(d -> {
          assertThat(d.code()).isEqualTo("versionsWithGate");
          assertThat(d.args()).containsExactly(entry("applied", "2"), entry("published", "3"),
              entry("gatePublished", "7"));
        });
  }

  @Test
  void theWordsTheControllerWritesAreTheWordsItReads() {
    assertThat(HistoryDetail.read(HistoryDetail.LAST_WILL)).map(CodedWords::code).contains("lastWill");
    assertThat(HistoryDetail.read(HistoryDetail.silence(Duration.ofSeconds(90))))
        .hasValue(new CodedWords("silent", Map.of("seconds", "90")));
    assertThat(HistoryDetail.read(HistoryDetail.versions(null, 3L, null, null)))
        .hasValue(new CodedWords("versions", Map.of("published", "3")));
    assertThat(HistoryDetail.read(HistoryDetail.versions(3L, 3L, 6L, 7L))).hasValue(new CodedWords(
        "versionsWithGate", Map.of("applied", "3", "published", "3", "gateApplied", "6", "gatePublished", "7")));
  }

  /** The agent's own forms are {@code AgentWordsTest}'s; here, that a history entry reads them too. */
  @Test
  void theAgentsDisplayWordsAreCoded() {
    assertThat(HistoryDetail.read(AgentWords.kioskNotYet())).map(CodedWords::code).contains("kioskNotYet");
    assertThat(HistoryDetail.read(AgentWords.browserDown("exited with 1"))).hasValueSatisfying(d -> {
      assertThat(d.code()).isEqualTo("browserDown");
      assertThat(d.args()).containsExactly(entry("exit", "exited with 1"));
    });
  }

  @Test
  void otherWordsAndNoneHaveNoCode() {
    assertThat(HistoryDetail.read(null)).isEmpty();
    assertThat(HistoryDetail.read("chromium exited")).isEmpty();
    assertThat(HistoryDetail.read("applied 1, published 1 and more")).isEmpty();
  }
}
