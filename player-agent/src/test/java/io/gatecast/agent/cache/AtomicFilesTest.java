package io.gatecast.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void replacesTheContentAndLeavesNoTempFiles() throws IOException {
    Path target = dir.resolve("schedule.json");
    AtomicFiles.write(target, "old".getBytes());
    AtomicFiles.write(target, "new".getBytes());

    assertThat(target).hasContent("new");
    assertThat(filesIn(dir)).containsExactly("schedule.json");
  }

  @Test
  void aWriteThatFailsHalfwayLeavesTheOldContentAndNoTempFile() throws IOException {
    Path target = dir.resolve("schedule.json");
    AtomicFiles.write(target, "old".getBytes());

    assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
      out.write("half of the new con".getBytes());
      throw new IOException("power cut");
    })).hasMessage("power cut");

    assertThat(target).hasContent("old");
    assertThat(filesIn(dir)).containsExactly("schedule.json");
  }

  @Test
  void anInterruptedThreadWritesNothingAndTheNextWriteWorks() throws IOException {
    Path target = dir.resolve("command-sequence");
    AtomicFiles.write(target, "old".getBytes());

    Thread.currentThread().interrupt(); // as the agent's stop does to its apply thread
    try {
      assertThatThrownBy(() -> AtomicFiles.write(target, "new".getBytes())).isInstanceOf(InterruptedIOException.class);
    } finally {
      assertThat(Thread.interrupted()).as("the interrupt is left for the caller to see").isTrue();
    }

    assertThat(target).hasContent("old");
    assertThat(filesIn(dir)).containsExactly("command-sequence");
    AtomicFiles.write(target, "new".getBytes());
    assertThat(target).hasContent("new");
  }

  @Test
  void aWriteAStopInterruptsHalfwayIsRefusedTheSameWay() throws IOException {
    Path target = dir.resolve("alerts.json");
    AtomicFiles.write(target, "old".getBytes());

    try {
      // The interrupt lands while the content is written: the file channel closes under the write.
      assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
        out.write("half of the new".getBytes());
        Thread.currentThread().interrupt();
        out.write(new byte[256 * 1024]);
      })).isInstanceOf(InterruptedIOException.class).hasMessageContaining("its old content is kept");
    } finally {
      Thread.interrupted();
    }

    assertThat(target).hasContent("old");
    assertThat(filesIn(dir)).containsExactly("alerts.json");
  }

  @Test
  void aReaderSeesEitherTheOldOrTheNewContentNeverAMix() throws Exception {
    Path target = dir.resolve("big.bin");
    byte[] a = new byte[512 * 1024];
    byte[] b = new byte[512 * 1024];
    Arrays.fill(a, (byte) 'a');
    Arrays.fill(b, (byte) 'b');
    AtomicFiles.write(target, a);
    AtomicBoolean writing = new AtomicBoolean(true);
    CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
      int reads = 0;
      try {
        while (writing.get() || reads == 0) {
          byte[] seen = Files.readAllBytes(target);
          assertThat(Arrays.equals(seen, a) || Arrays.equals(seen, b)).as("a whole version").isTrue();
          reads++;
        }
      } catch (IOException e) {
        throw new AssertionError("the target must always exist", e);
      }
      return reads;
    });

    for (int i = 0; i < 100; i++) {
      AtomicFiles.write(target, i % 2 == 0 ? b : a);
    }
    writing.set(false);

    assertThat(reader.get()).isPositive();
    assertThat(filesIn(dir)).containsExactly("big.bin");
  }

  @Test
  void removesTempFilesACrashLeftBehindButNothingElse() throws IOException {
    Files.writeString(dir.resolve(".schedule.json.123.tmp"), "torn");
    Files.writeString(dir.resolve("schedule.json"), "whole");

    assertThat(AtomicFiles.removeLeftovers(dir)).isEqualTo(1);
    assertThat(filesIn(dir)).containsExactly("schedule.json");
  }

  private static List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
