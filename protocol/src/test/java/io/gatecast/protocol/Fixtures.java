package io.gatecast.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/** Example files, the example controller keys (test-only, never deployed) and a fixed clock. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-12-15T00:00:00Z");

  private Fixtures() {}

  static Clock clockAt(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  static Freshness freshness(Instant now) {
    return new Freshness(clockAt(now), Duration.ofMinutes(2));
  }

  static Path examplesDir() {
    try {
      return Paths.get(Fixtures.class.getResource("/examples").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> exampleFiles() {
    try (Stream<Path> files = Files.list(examplesDir())) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] example(String name) {
    try {
      return Files.readAllBytes(examplesDir().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String resource(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PublicKey publicKey(String keyId) {
    return Keys.decodePublic(resource("/keys/" + keyId + ".public.b64"));
  }

  static PrivateKey privateKey(String keyId) {
    return Keys.decodePrivate(resource("/keys/" + keyId + ".private.pkcs8.b64"));
  }

  static Header header(String id) {
    return new Header(1, id, Instant.parse("2026-12-14T23:59:00Z"));
  }
}
