package io.gatecast.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  @Test
  void anInterruptedThreadIsRefusedAndTheJournalStaysOpenForTheOthers() throws Exception {
    Path file = dir.resolve("outbox.journal");
    try (Journal journal = Journal.open(file)) {
      long first = journal.append(bytes("{\"n\":1}"));
      Thread.currentThread().interrupt(); // as the agent's stop interrupts its apply thread
      try {
        assertThatThrownBy(() -> journal.append(bytes("{\"n\":2}"))).isInstanceOf(InterruptedIOException.class);
        assertThatThrownBy(() -> journal.pending(10)).isInstanceOf(InterruptedIOException.class);
        assertThatThrownBy(() -> journal.ack(first)).isInstanceOf(InterruptedIOException.class);
      } finally {
        Thread.interrupted();
      }
      journal.append(bytes("{\"n\":3}")); // another thread's write: the file is still open
    }
    try (Journal reopened = Journal.open(file)) {
      // The refused ack was not written: the first entry is still unconfirmed, as after any failed write.
      assertThat(texts(reopened.pending(10))).containsExactly("{\"n\":1}", "{\"n\":3}");
    }
  }

  @Test
  void keepsUnconfirmedEntriesInOrderAcrossReopening() throws Exception {
    Path file = dir.resolve("outbox.journal");
    try (Journal journal = Journal.open(file)) {
      long first = journal.append(bytes("{\"n\":1}"));
      journal.append(bytes("{\"n\":2}"));
      journal.append(bytes("{\"n\":3}"));
      journal.ack(first);
      assertThat(texts(journal.pending(10))).containsExactly("{\"n\":2}", "{\"n\":3}");
    }
    try (Journal reopened = Journal.open(file)) {
      assertThat(texts(reopened.pending(10))).containsExactly("{\"n\":2}", "{\"n\":3}");
      assertThat(texts(reopened.pending(1))).containsExactly("{\"n\":2}");
      long fourth = reopened.append(bytes("{\"n\":4}"));
      assertThat(fourth).isGreaterThan(reopened.pending(10).get(1).seq());
    }
  }

  /** Taken batch by batch, each batch starts after the last one's end, skipping what the caller leaves out. */
  @Test
  void entriesAfterASequenceAreTheRestInOrder() throws Exception {
    try (Journal journal = Journal.open(dir.resolve("plays.journal"))) {
      List<Long> seqs = new java.util.ArrayList<>();
      for (int n = 1; n <= 5; n++) {
        seqs.add(journal.append(bytes("{\"n\":" + n + "}")));
      }
      long held = seqs.get(3);
      List<Journal.Entry> first = journal.pendingAfter(Long.MIN_VALUE, 2, seq -> seq != held);
      assertThat(texts(first)).containsExactly("{\"n\":1}", "{\"n\":2}");
      List<Journal.Entry> next = journal.pendingAfter(first.get(1).seq(), 2, seq -> seq != held);
      assertThat(texts(next)).containsExactly("{\"n\":3}", "{\"n\":5}");
      assertThat(journal.pendingAfter(next.get(1).seq(), 2, seq -> true)).isEmpty();
    }
  }

  @Test
  void aRunOfAcksWrittenAtOnceHoldsAcrossReopeningAndATornLastAckBringsOnlyItsEntryBack() throws Exception {
    Path file = dir.resolve("plays.journal");
    try (Journal journal = Journal.open(file)) {
      long a = journal.append(bytes("{\"play\":\"a\"}"));
      long b = journal.append(bytes("{\"play\":\"b\"}"));
      journal.append(bytes("{\"play\":\"c\"}"));
      long d = journal.append(bytes("{\"play\":\"d\"}"));
      long e = journal.append(bytes("{\"play\":\"e\"}"));
      journal.ack(List.of(a, b, 9_999L)); // an unknown sequence is no ack
      assertThat(texts(journal.pending(10))).containsExactly("{\"play\":\"c\"}", "{\"play\":\"d\"}",
          "{\"play\":\"e\"}");
      journal.ack(List.of(d, e));
    }
    // A power cut in the middle of the second run: its last ack line is torn.
    long size = Files.size(file);
    try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(size - 3);
    }
    try (Journal journal = Journal.open(file)) {
      assertThat(texts(journal.pending(10))).containsExactly("{\"play\":\"c\"}", "{\"play\":\"e\"}");
    }
  }

  @Test
  void aTornLastLineIsCutOffAndTheNextAppendStartsClean() throws Exception {
    Path file = dir.resolve("plays.journal");
    try (Journal journal = Journal.open(file)) {
      journal.append(bytes("{\"play\":\"a\"}"));
      journal.append(bytes("{\"play\":\"b\"}"));
    }
    long intact = Files.size(file);
    // A power cut in the middle of the third append: half a line, no newline.
    Files.write(file, "1a2b3c4d E 3 {\"pla".getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);

    try (Journal journal = Journal.open(file)) {
      assertThat(Files.size(file)).isEqualTo(intact);
      assertThat(texts(journal.pending(10))).containsExactly("{\"play\":\"a\"}", "{\"play\":\"b\"}");
      journal.append(bytes("{\"play\":\"c\"}"));
    }
    try (Journal journal = Journal.open(file)) {
      assertThat(texts(journal.pending(10))).containsExactly("{\"play\":\"a\"}", "{\"play\":\"b\"}", "{\"play\":\"c\"}");
    }
  }

  @Test
  void aLastLineWithAWrongChecksumIsCutOff() throws Exception {
    Path file = dir.resolve("outbox.journal");
    try (Journal journal = Journal.open(file)) {
      journal.append(bytes("{\"ok\":true}"));
      journal.append(bytes("{\"ok\":false}"));
    }
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    // Flip one payload byte in the last line (a sector written half): its CRC no longer matches.
    Files.writeString(file, text.substring(0, text.length() - 4) + "X" + text.substring(text.length() - 3),
        StandardCharsets.US_ASCII);

    try (Journal journal = Journal.open(file)) {
      assertThat(texts(journal.pending(10))).containsExactly("{\"ok\":true}");
    }
  }

  @Test
  void aDamagedLineInTheMiddleIsSkippedAndEveryGoodLineAfterItKept() throws Exception {
    Path file = dir.resolve("plays.journal");
    try (Journal journal = Journal.open(file)) {
      for (int i = 1; i <= 6; i++) {
        journal.append(bytes("{\"play\":" + i + "}"));
      }
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    // A bad sector in the middle: the second line's payload changed, its CRC no longer matches.
    lines.set(1, lines.get(1).replace("{\"play\":2}", "{\"play\":9}"));
    Files.write(file, lines, StandardCharsets.US_ASCII);
    long size = Files.size(file);

    try (Journal journal = Journal.open(file)) {
      assertThat(texts(journal.pending(10)))
          .containsExactly("{\"play\":1}", "{\"play\":3}", "{\"play\":4}", "{\"play\":5}", "{\"play\":6}");
      assertThat(Files.size(file)).isEqualTo(size); // nothing cut off: it was not a torn tail
      long seventh = journal.append(bytes("{\"play\":7}"));
      assertThat(seventh).isGreaterThan(journal.pending(10).get(3).seq());
    }
    try (Journal journal = Journal.open(file)) {
      assertThat(texts(journal.pending(10))).hasSize(6).endsWith("{\"play\":7}");
    }
  }

  @Test
  void aDamagedLineFollowedOnlyByATornTailIsCutOffWithIt() throws Exception {
    Path file = dir.resolve("plays.journal");
    try (Journal journal = Journal.open(file)) {
      journal.append(bytes("{\"play\":1}"));
    }
    long intact = Files.size(file);
    Files.write(file, "00000000 E 2 {\"play\":2}\n1a2b3c4d E 3 {\"pl".getBytes(StandardCharsets.US_ASCII),
        StandardOpenOption.APPEND);

    try (Journal journal = Journal.open(file)) {
      assertThat(texts(journal.pending(10))).containsExactly("{\"play\":1}");
      assertThat(Files.size(file)).isEqualTo(intact);
    }
  }

  @Test
  void confirmedEntriesAreCompactedAwayAndOnlyTheRestSurvives() throws Exception {
    Path file = dir.resolve("outbox.journal");
    long last;
    try (Journal journal = Journal.open(file)) {
      for (int i = 0; i < 600; i++) {
        journal.append(bytes("{\"n\":" + i + "}"));
      }
      List<Journal.Entry> all = journal.pending(1000);
      for (int i = 0; i < 599; i++) {
        journal.ack(all.get(i).seq());
      }
      last = all.get(599).seq();
      assertThat(Files.size(file)).isLessThan(600 * 10);
    }
    try (Journal journal = Journal.open(file)) {
      assertThat(journal.pending(10)).singleElement().satisfies(e -> {
        assertThat(e.seq()).isEqualTo(last);
        assertThat(new String(e.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":599}");
      });
      journal.ack(last);
      assertThat(journal.size()).isZero();
    }
    assertThat(Files.size(file)).isZero();
  }

  @Test
  void refusesAnEntryThatIsNotOneLine() throws Exception {
    try (Journal journal = Journal.open(dir.resolve("j"))) {
      assertThatThrownBy(() -> journal.append(bytes("two\nlines"))).hasMessageContaining("one line");
      assertThat(journal.size()).isZero();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> texts(List<Journal.Entry> entries) {
    return entries.stream().map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
  }
}
