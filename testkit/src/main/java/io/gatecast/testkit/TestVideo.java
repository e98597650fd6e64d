package io.gatecast.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A real WebM (VP8, 1280×720, 3 s of ffmpeg's test pattern), committed as a resource: recording one
 * in a second Chromium at test time was flaky (an empty recording now and then under load). Made with
 * {@code ffmpeg -f lavfi -i "testsrc=s=1280x720:d=3:r=25" -c:v libvpx -b:v 200k -an clip-720p.webm}.
 */
public final class TestVideo {
  private TestVideo() {}

  /** The clip's bytes. */
  public static byte[] webm() {
    try (InputStream in = TestVideo.class.getResourceAsStream("/media/clip-720p.webm")) {
      return Objects.requireNonNull(in, "testkit resource /media/clip-720p.webm").readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
