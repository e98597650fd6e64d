package io.gatecast.controller.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Console thumbnails: {@value #WIDTH} px wide JPEGs (smaller images keep their width) made with the
 * JDK's ImageIO from PNG, JPEG and GIF (first frame). Large images are decoded with source
 * subsampling, so a huge upload never needs its full bitmap in memory. The JDK reads neither
 * WebP nor SVG nor video, and no ffmpeg is assumed, so those get a neutral placeholder.
 */
public final class Thumbnails {
  public static final int WIDTH = 320;
  private static final Set<String> DECODABLE = Set.of(MediaInspector.PNG, MediaInspector.JPEG, MediaInspector.GIF);
  private static final Map<Boolean, byte[]> PLACEHOLDERS = new ConcurrentHashMap<>();

  static {
    ImageIO.setUseCache(false); // no temp files under java.io.tmpdir for each decode
  }

  private Thumbnails() {}

  /** Can a real thumbnail be made for this type? */
  public static boolean decodable(String mimeType) {
    return DECODABLE.contains(mimeType);
  }

  /** Writes the thumbnail of {@code image} as JPEG to {@code out}; false when the image cannot be decoded. */
  public static boolean write(Path image, OutputStream out) throws IOException {
    BufferedImage source = readSubsampled(image);
    if (source == null) {
      return false;
    }
    int width = Math.min(WIDTH, source.getWidth());
    int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
    BufferedImage thumbnail = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = thumbnail.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(Color.WHITE); // transparent areas: white, as on a slide
      g.fillRect(0, 0, width, height);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    writeJpeg(thumbnail, out);
    return true;
  }

  /** A neutral grey card, with a play sign for video: for what ImageIO cannot read. */
  public static byte[] placeholder(boolean video) {
    return PLACEHOLDERS.computeIfAbsent(video, Thumbnails::drawPlaceholder);
  }

  private static BufferedImage readSubsampled(Path image) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
      var readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int step = Math.max(1, reader.getWidth(0) / (2 * WIDTH));
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, param);
      } catch (IOException | RuntimeException e) {
        return null; // e.g. a CMYK JPEG: browsers show it, ImageIO cannot; the console gets the placeholder
      } finally {
        reader.dispose();
      }
    }
  }

  private static byte[] drawPlaceholder(boolean video) {
    int width = WIDTH;
    int height = WIDTH * 9 / 16;
    BufferedImage card = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = card.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(new Color(0x3a, 0x3f, 0x44));
      g.fillRect(0, 0, width, height);
      g.setColor(new Color(0xb0, 0xb6, 0xbc));
      if (video) {
        g.fillPolygon(new int[] {width / 2 - 20, width / 2 - 20, width / 2 + 25},
            new int[] {height / 2 - 25, height / 2 + 25, height / 2}, 3);
      } else {
        g.drawRect(width / 2 - 40, height / 2 - 30, 80, 60);
        g.fillPolygon(new int[] {width / 2 - 35, width / 2 - 5, width / 2 + 35},
            new int[] {height / 2 + 25, height / 2 - 10, height / 2 + 25}, 3);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeJpeg(card, out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private static void writeJpeg(BufferedImage image, OutputStream out) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }

  /** Writes the thumbnail to {@code target} atomically (temp file, then rename); false if not decodable. */
  static boolean writeFile(Path image, Path target) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), ".thumb-", ".part");
    try {
      boolean made;
      try (OutputStream out = Files.newOutputStream(tmp)) {
        made = write(image, out);
      }
      if (made) {
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      return made;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
