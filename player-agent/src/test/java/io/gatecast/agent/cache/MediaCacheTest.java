package io.gatecast.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.agent.MediaServer;
import io.gatecast.agent.TestRules;
import io.gatecast.protocol.MediaRef;
import io.gatecast.testkit.MovableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaCacheTest {
  @TempDir Path dir;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-15T01:00:00Z"));
  private MediaServer server;

  @BeforeEach
  void startServer() {
    server = new MediaServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void anInterruptedDownloadResumesWhereItStoppedWithARangeRequest() throws Exception {
    byte[] video = random(300_000, 1);
    MediaRef media = media(video, "video/mp4");
    MediaCache cache = cache(0);
    server.cutNextAfter(media.url(), 120_000);

    assertThatThrownBy(() -> cache.ensure(media)).isInstanceOf(MediaException.class);
    Path part = dir.resolve(media.sha256() + ".part");
    long kept = Files.size(part);
    assertThat(kept).isPositive().isLessThanOrEqualTo(120_000);
    assertThat(cache.file(media.sha256())).isEmpty(); // nothing unverified under its final name

    cache.ensure(media);

    assertThat(server.requestsFor(media.url())).last().satisfies(r -> {
      assertThat(r.range()).isEqualTo("bytes=" + kept + "-");
      assertThat(r.bytesSent()).isEqualTo(video.length - kept);
    });
    assertThat(Files.readAllBytes(cache.file(media.sha256()).orElseThrow())).isEqualTo(video);
    assertThat(part).doesNotExist();
  }

  @Test
  void aPartThatDoesNotAddUpIsDiscardedAndFetchedAfresh() throws Exception {
    byte[] image = random(50_000, 2);
    MediaRef media = media(image, "image/png");
    MediaCache cache = cache(0);
    Files.write(dir.resolve(media.sha256() + ".part"), random(20_000, 99)); // torn by a power cut, say

    assertThatThrownBy(() -> cache.ensure(media)).hasMessageContaining("checksum did not match");
    cache.ensure(media);

    assertThat(server.requestsFor(media.url())).last().satisfies(r -> assertThat(r.range()).isNull());
    assertThat(Files.readAllBytes(cache.file(media.sha256()).orElseThrow())).isEqualTo(image);
  }

  @Test
  void aCorruptCachedFileIsFoundAtStartAndDeleted() throws Exception {
    byte[] image = random(10_000, 3);
    MediaRef media = media(image, "image/png");
    MediaCache cache = cache(0);
    cache.ensure(media);
    byte[] flipped = image.clone();
    flipped[5000] ^= 1;
    Files.write(dir.resolve(media.sha256()), flipped);

    MediaCache restarted = cache(0);
    assertThat(restarted.verifyAll()).containsExactly(media.sha256());
    assertThat(restarted.file(media.sha256())).isEmpty();
    restarted.ensure(media);
    assertThat(Files.readAllBytes(restarted.file(media.sha256()).orElseThrow())).isEqualTo(image);
    assertThat(restarted.verifyAll()).isEmpty();
  }

  @Test
  void theQuotaEvictsTheLeastRecentlyUsedUnneededFileAndRefusesWhatCannotFit() throws Exception {
    MediaRef a = media(random(100, 10), "image/png");
    MediaRef b = media(random(100, 11), "image/png");
    MediaRef c = media(random(100, 12), "image/png");
    MediaRef d = media(random(100, 13), "image/png");
    MediaRef e = media(random(100, 14), "image/png");
    MediaCache cache = cache(350);
    for (MediaRef m : new MediaRef[] {a, b, c}) {
      cache.ensure(m, Set.of(m.sha256()));
      clock.advance(Duration.ofMinutes(1));
    }
    cache.ensure(a, Set.of(a.sha256())); // a schedule used a again: now b is the least recently used
    clock.advance(Duration.ofMinutes(1));

    cache.ensure(d, Set.of(d.sha256()));

    assertThat(cache.file(b.sha256())).isEmpty();
    assertThat(cache.file(a.sha256())).isPresent();
    assertThat(cache.file(c.sha256())).isPresent();
    assertThat(cache.file(d.sha256())).isPresent();
    assertThat(cache.sizeBytes()).isLessThanOrEqualTo(350);

    // a, c and d are all needed now: e does not fit, and nothing needed is sacrificed for it.
    assertThatThrownBy(() -> cache.ensure(e, Set.of(a.sha256(), c.sha256(), d.sha256(), e.sha256())))
        .isInstanceOf(MediaException.class).hasMessageContaining("quota").hasMessageContaining("--cache-quota-mb");
    assertThat(cache.file(a.sha256())).isPresent();
    assertThat(cache.file(c.sha256())).isPresent();
    assertThat(cache.file(d.sha256())).isPresent();
    assertThat(cache.sizeBytes()).isLessThanOrEqualTo(350);
  }

  @Test
  void aDownloadThatCannotFitOnTheDiskIsNotStarted() throws Exception {
    MediaRef video = media(random(300_000, 20), "video/mp4");
    AtomicLong free = new AtomicLong(MediaCache.HEADROOM_BYTES + 100_000); // less than the file over the headroom
    MediaCache cache = new MediaCache(dir, Duration.ofSeconds(5), Duration.ofSeconds(5), 0, clock, null, d -> free.get());

    assertThatThrownBy(() -> cache.ensure(video)).isInstanceOf(MediaException.class)
        .hasMessageContaining("not downloading " + video.sha256()).hasMessageContaining("free some disk");
    assertThat(server.requestsFor(video.url())).isEmpty();
    assertThat(dir.resolve(video.sha256() + ".part")).doesNotExist();

    free.set(MediaCache.HEADROOM_BYTES + 10_000_000);
    cache.ensure(video);
    assertThat(cache.file(video.sha256())).isPresent();
  }

  @Test
  void withNoQuotaGivenTheCacheIsBoundedByHalfTheDiskItCanUseAndEvictsWhatNoScheduleNeeds() throws Exception {
    MediaRef old = media(random(400_000, 21), "video/mp4");
    MediaRef playing = media(random(100_000, 22), "image/png");
    MediaRef next = media(random(300_000, 23), "video/mp4");
    AtomicLong free = new AtomicLong(MediaCache.HEADROOM_BYTES + 2_000_000);
    MediaCache cache = new MediaCache(dir, Duration.ofSeconds(5), Duration.ofSeconds(5), 0, clock, null, d -> free.get());
    cache.ensure(old);
    cache.ensure(playing);
    free.set(MediaCache.HEADROOM_BYTES + 800_000); // the disk filled up meanwhile (logs, other programs)
    // Usable: 500,000 cached + 800,000 free = 1.3 MB; half of it is 650,000 < 500,000 + 300,000.

    cache.ensure(next, Set.of(playing.sha256(), next.sha256()));

    assertThat(cache.quotaBytes()).isLessThan(800_000);
    assertThat(dir.resolve(old.sha256())).doesNotExist();
    assertThat(cache.file(playing.sha256())).isPresent();
    assertThat(cache.file(next.sha256())).isPresent();
  }

  @Test
  void aCorruptCachedFileIsNeverHandedOutAndTheListenerIsToldToFetchItAgain() throws Exception {
    MediaRef image = media(random(50_000, 24), "image/png");
    cache(0).ensure(image);
    byte[] bytes = Files.readAllBytes(dir.resolve(image.sha256()));
    bytes[100] ^= 1; // one bit flipped on disk while the agent was off
    Files.write(dir.resolve(image.sha256()), bytes);

    MediaCache restarted = cache(0);
    List<String> corrupt = new CopyOnWriteArrayList<>();
    restarted.onCorrupt(corrupt::add);
    assertThat(restarted.has(image.sha256())).isTrue(); // not hashed at start

    assertThat(restarted.file(image.sha256())).isEmpty(); // hashed on first use: never served
    assertThat(corrupt).containsExactly(image.sha256());
    assertThat(dir.resolve(image.sha256())).doesNotExist();
  }

  private MediaRef media(byte[] bytes, String mimeType) {
    return TestRules.media(server.serve(bytes), bytes, mimeType);
  }

  private MediaCache cache(long quotaBytes) throws Exception {
    return new MediaCache(dir, Duration.ofSeconds(5), Duration.ofSeconds(5), quotaBytes, clock);
  }

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
