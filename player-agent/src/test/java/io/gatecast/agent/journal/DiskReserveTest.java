package io.gatecast.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk: the journals still write, into the room the reserve held. */
class DiskReserveTest {
  private static final long RESERVE = 256 * 1024;

  @TempDir Path dir;

  @Test
  void onAFullDiskTheReserveIsGivenUpAndTheEventJournaledThenPutBackWhenThereIsRoom() throws Exception {
    AtomicLong free = new AtomicLong(100L * 1024 * 1024);
    DiskReserve reserve = new DiskReserve(dir.resolve(DiskReserve.FILE_NAME), RESERVE, file -> free.get());
    reserve.restore();
    assertThat(Files.size(reserve.file())).isEqualTo(RESERVE);

    Path file = dir.resolve("outbox.journal");
    try (Journal journal = Journal.open(file, reserve)) {
      journal.append(bytes("{\"n\":1}"));
      assertThat(reserve.held()).isTrue();

      free.set(0); // the disk is full (a download, logs, another program)
      journal.append(bytes("{\"n\":2}"));
      assertThat(reserve.held()).isFalse();
      assertThat(texts(journal.pending(10))).containsExactly("{\"n\":1}", "{\"n\":2}");

      free.set(100L * 1024 * 1024); // room again
      journal.append(bytes("{\"n\":3}"));
      assertThat(reserve.held()).isTrue();
    }
    try (Journal reopened = Journal.open(file)) {
      assertThat(texts(reopened.pending(10))).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    }
  }

  @Test
  void anOutboxOnAFullDiskJournalsTheEventBeforeSendingIt() throws Exception {
    AtomicLong free = new AtomicLong(100L * 1024 * 1024);
    DiskReserve reserve = new DiskReserve(dir.resolve(DiskReserve.FILE_NAME), RESERVE, file -> free.get());
    reserve.restore();
    free.set(0);
    Outbox.Link down = new Outbox.Link() {
      @Override
      public boolean isConnected() {
        return false;
      }

      @Override
      public void publishConfirmed(byte[] payload) throws Exception {
        throw new IOException("no link");
      }
    };
    Path file = dir.resolve("outbox.journal");
    try (Outbox outbox = Outbox.open(file, down, reserve)) {
      outbox.send(java.util.Map.of("event", "test", "n", 1));
      assertThat(outbox.pending()).isEqualTo(1);
    }
    assertThat(reserve.held()).isFalse();
    try (Journal reopened = Journal.open(file)) {
      assertThat(texts(reopened.pending(10))).singleElement().asString().contains("\"n\":1");
    }
  }

  /** The real thing, where it can be had: a 2 MiB tmpfs filled to the last byte (needs root to mount). */
  @Test
  void onARealFullFileSystemTheJournalStillWrites() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
    Path mount = Files.createDirectories(dir.resolve("small-disk"));
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString()) == 0, "mount failed");
    try {
      DiskReserve reserve = new DiskReserve(mount.resolve(DiskReserve.FILE_NAME), RESERVE, DiskReserve.FreeSpace.REAL);
      reserve.restore();
      assertThat(reserve.held()).isTrue();
      Path filler = mount.resolve("filler");
      try (var out = Files.newOutputStream(filler)) {
        byte[] block = new byte[4096];
        while (true) {
          out.write(block);
          out.flush();
        }
      } catch (IOException full) {
        // the disk is full now
      }
      try (Journal journal = Journal.open(mount.resolve("plays.journal"), reserve)) {
        journal.append(bytes("{\"play\":\"on a full disk\"}"));
        assertThat(texts(journal.pending(10))).containsExactly("{\"play\":\"on a full disk\"}");
      }
      assertThat(reserve.held()).isFalse();
    } finally {
      run("umount", mount.toString());
    }
  }

  private static int run(String... command) throws Exception {
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> texts(List<Journal.Entry> entries) {
    return entries.stream().map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
  }
}
