package io.gatecast.bench.harness;

import com.fasterxml.jackson.core.type.TypeReference;
import io.gatecast.bench.fleet.ScreenLogin;
import io.gatecast.controller.files.OwnerOnlyFiles;
import io.gatecast.protocol.Codec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A controller data folder with N registered screens. Registering costs a PBKDF2 hash per screen
 * on the controller's database thread (minutes for 10,000), so the logins are kept in
 * {@code <dataDir>/bench-logins.json} (owner-only: they are passwords) and a later run reuses them.
 */
public final class FleetSetup {
  private static final String LOGINS = "bench-logins.json";

  private FleetSetup() {}

  /** Registers ahead of a benchmark: {@code bench/run harness.FleetSetup <screens>} fills {@code bench/target/fleet-<screens>}. */
  public static void main(String[] args) {
    int screens = Integer.parseInt(args[0]);
    ensureRegistered(Path.of("bench/target/fleet-" + screens), screens);
    System.exit(0);
  }

  /** The logins of screens {@code gate-00000 ...}: read back, or registered now on a controller started for it. */
  public static List<ScreenLogin> ensureRegistered(Path dataDir, int screens) {
    List<ScreenLogin> known = read(dataDir);
    if (known.size() >= screens) {
      return known.subList(0, screens);
    }
    long start = System.nanoTime();
    try (ControllerProcess controller = ControllerProcess.start(dataDir, 0, Duration.ofSeconds(120), List.of())) {
      List<String> ids = IntStream.range(known.size(), screens).mapToObj(FleetSetup::screenId).toList();
      List<ScreenLogin> all = new ArrayList<>(known);
      all.addAll(new ControllerApi(controller.httpPort()).registerScreens(ids));
      write(dataDir, all);
      System.out.printf("registered %d screens in %.1f s%n", ids.size(), (System.nanoTime() - start) / 1e9);
      return all;
    }
  }

  public static String screenId(int i) {
    return String.format("gate-%05d", i);
  }

  /** A small PNG-typed file for the content items a benchmark schedules (screens never download it). */
  /** A real 16x9 PNG: the controller checks uploads by decoding them. */
  public static byte[] media() {
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(16, 9, java.awt.image.BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0x0b3d2e);
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  private static List<ScreenLogin> read(Path dataDir) {
    Path file = dataDir.resolve(LOGINS);
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return Codec.mapper().readValue(file.toFile(), new TypeReference<List<ScreenLogin>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path dataDir, List<ScreenLogin> logins) {
    try {
      OwnerOnlyFiles.write(dataDir.resolve(LOGINS), Codec.mapper().writeValueAsString(logins));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
