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

  /**
   * Registers ahead of a benchmark: {@code bench/run harness.FleetSetup <screens>} fills
   * {@code bench/target/fleet-<screens>} (one gate); {@code ... <screens> --gates 20 --gate-layout interleaved}
   * fills {@code bench/target/fleet-<screens>-20-gates-interleaved}, for a benchmark's {@code --data-dir}.
   */
  public static void main(String[] raw) {
    int screens = Integer.parseInt(raw[0]);
    Args args = new Args(java.util.Arrays.copyOfRange(raw, 1, raw.length),
        java.util.Map.of("gates", "1", "gate-layout", "interleaved"));
    Gates gates = new Gates(args.integer("gates"), args.oneOf("gate-layout", Gates.Layout.class));
    ensureRegistered(Path.of("bench/target/fleet-" + screens + gates.folderSuffix()), screens, gates);
    System.exit(0);
  }

  /**
   * How a fleet's screens are spread over its gates. One gate is the {@code default} one. More are made
   * as {@code g00, g01, ...}, and screen i is in gate i mod count ({@code INTERLEAVED}: a gate's screens
   * are spread over the whole id order, the last one in the last page a publish reads), or in the i-th
   * block of consecutive ids ({@code BLOCKS}: a gate's screens are read together).
   */
  public record Gates(int count, Layout layout) {
    public enum Layout { INTERLEAVED, BLOCKS }

    public static final Gates ONE = new Gates(1, Layout.INTERLEAVED);

    public Gates {
      if (count < 1) {
        throw new IllegalArgumentException("--gates is at least 1, not " + count);
      }
    }

    /** The gate of screen {@code i} of {@code screens}. */
    String of(int i, int screens) {
      if (count == 1) {
        return ScreenLogin.DEFAULT_GATE;
      }
      int perBlock = (screens + count - 1) / count;
      return String.format("g%02d", layout == Layout.INTERLEAVED ? i % count : i / perBlock);
    }

    List<String> ids(int screens) {
      return IntStream.range(0, screens).mapToObj(i -> of(i, screens)).distinct().sorted().toList();
    }

    String folderSuffix() {
      return count == 1 ? "" : "-" + count + "-gates-" + layout.name().toLowerCase();
    }
  }

  /** The logins of screens {@code gate-00000 ...} in one gate; see {@link #ensureRegistered(Path, int, Gates)}. */
  public static List<ScreenLogin> ensureRegistered(Path dataDir, int screens) {
    return ensureRegistered(dataDir, screens, Gates.ONE);
  }

  /**
   * The logins of screens {@code gate-00000 ...} spread over {@code gates}: read back, or registered now on
   * a controller started for it. A folder holds one fleet: its screens can be reused, never added to
   * (a gate's share of the screens depends on their number).
   */
  public static List<ScreenLogin> ensureRegistered(Path dataDir, int screens, Gates gates) {
    List<ScreenLogin> known = read(dataDir);
    if (known.size() >= screens) {
      return known.subList(0, screens);
    }
    if (!known.isEmpty() && gates.count() > 1) {
      throw new IllegalStateException(dataDir + " holds " + known.size() + " screens, not " + screens
          + "; a fleet of many gates is registered in a folder of its own");
    }
    long start = System.nanoTime();
    try (ControllerProcess controller = ControllerProcess.start(dataDir, 0, Duration.ofSeconds(120), List.of())) {
      ControllerApi api = new ControllerApi(controller.httpPort());
      if (gates.count() > 1) {
        gates.ids(screens).forEach(api::createGate);
      }
      java.util.Map<String, String> gateOfScreen = new java.util.LinkedHashMap<>();
      IntStream.range(known.size(), screens).forEach(i -> gateOfScreen.put(screenId(i), gates.of(i, screens)));
      List<ScreenLogin> all = new ArrayList<>(known);
      all.addAll(api.registerScreens(gateOfScreen));
      write(dataDir, all);
      System.out.printf("registered %d screens in %d gate(s) in %.1f s%n", gateOfScreen.size(), gates.count(),
          (System.nanoTime() - start) / 1e9);
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
