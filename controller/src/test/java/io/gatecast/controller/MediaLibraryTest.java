package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The media library over real HTTP, a real SQLite file and a real media folder: the type comes from
 * the bytes, sizes and durations are measured, thumbnails are made, files in use are kept and the
 * rest can be deleted or purged, file and row together.
 */
@IntegrationTest
class MediaLibraryTest {
  private static final long LIMIT = 1024 * 1024; // above MediaLibrary.SVG_THUMBNAIL_MAX_BYTES

  @RegisterExtension
  static final RunningController RUNNING = new RunningController(c -> c.withMaxUploadBytes(LIMIT), Clock.systemUTC());

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void imagesAreStoredAsWhatTheirBytesAreWithTheirSize() {
    JsonNode png = uploaded(MediaFixtures.png(640, 360), "image/png");
    assertThat(png.get("mimeType").asText()).isEqualTo("image/png");
    assertThat(png.get("width").asInt()).isEqualTo(640);
    assertThat(png.get("height").asInt()).isEqualTo(360);
    assertThat(png.get("durationMillis").isNull()).isTrue();

    JsonNode jpeg = uploaded(MediaFixtures.jpeg(200, 100), null);
    assertThat(jpeg.get("mimeType").asText()).as("no Content-Type: found from the bytes").isEqualTo("image/jpeg");
    assertThat(jpeg.get("width").asInt()).isEqualTo(200);

    JsonNode gif = uploaded(MediaFixtures.gif(48, 30), "application/octet-stream");
    assertThat(gif.get("mimeType").asText()).isEqualTo("image/gif");
    assertThat(gif.get("height").asInt()).isEqualTo(30);

    assertThat(RUNNING.api().get("/api/v1/media/" + png.get("sha256").asText()).body().get("width").asInt()).isEqualTo(640);
  }

  @Test
  void webpSizesAreReadFromEachKindOfHeader() {
    for (byte[] webp : List.of(MediaFixtures.WEBP_LOSSY, MediaFixtures.WEBP_LOSSLESS, MediaFixtures.WEBP_EXTENDED)) {
      JsonNode stored = uploaded(webp, "image/webp");
      assertThat(stored.get("mimeType").asText()).isEqualTo("image/webp");
      assertThat(stored.get("width").asInt()).isEqualTo(1);
      assertThat(stored.get("height").asInt()).isEqualTo(1);
    }
    JsonNode large = uploaded(MediaFixtures.webpExtendedSized(1920, 1080), null);
    assertThat(large.get("width").asInt()).isEqualTo(1920);
    assertThat(large.get("height").asInt()).isEqualTo(1080);
  }

  @Test
  void videoDurationsAreReadFromTheContainer() {
    JsonNode mp4 = uploaded(MediaFixtures.mp4(600, 7_407, false, 4096), "video/mp4");
    assertThat(mp4.get("mimeType").asText()).isEqualTo("video/mp4");
    assertThat(mp4.get("durationMillis").asLong()).as("7407 / 600 s").isEqualTo(12_345);
    assertThat(mp4.get("width").isNull()).isTrue();

    JsonNode mp4v1 = uploaded(MediaFixtures.mp4(90_000, 90_000L * 3600 * 30, true, 16), null);
    assertThat(mp4v1.get("durationMillis").asLong()).as("30 hours in a version 1 header").isEqualTo(30L * 3600 * 1000);

    JsonNode fragmented = uploaded(MediaFixtures.mp4(1000, 0, false, 32), null);
    assertThat(fragmented.get("durationMillis").isNull()).as("duration 0: unknown").isTrue();

    JsonNode webm = uploaded(MediaFixtures.webm("webm", 8_500.4), "video/webm");
    assertThat(webm.get("mimeType").asText()).isEqualTo("video/webm");
    assertThat(webm.get("durationMillis").asLong()).isEqualTo(8_500);
  }

  @Test
  void bytesThatAreNotShowableAreRefusedSayingWhatTheyAre() {
    assertRefused(upload("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1), "image/png"),
        "a PDF document");
    assertRefused(upload(new byte[] {0x13, 0x37, 0x00, 0x42, 0x7F, 0x01, 0x02, 0x03, 0x04}, null),
        "unrecognised bytes (starting with 0x1337004", "image/png");
    assertRefused(upload(MediaFixtures.webm("matroska", 1000), "video/webm"), "Matroska");
    byte[] truncatedPng = java.util.Arrays.copyOf(MediaFixtures.png(64, 64), 20);
    assertRefused(upload(truncatedPng, "image/png"), "PNG", "damaged");
    byte[] heif = MediaFixtures.mp4(1000, 1000, false, 8);
    System.arraycopy("heic".getBytes(StandardCharsets.US_ASCII), 0, heif, 8, 4);
    assertRefused(upload(heif, null), "HEIF");
    byte[] noMoov = java.util.Arrays.copyOf(MediaFixtures.mp4(1000, 1000, false, 8), 36);
    assertRefused(upload(noMoov, "video/mp4"), "moov");
    assertRefused(upload("<!DOCTYPE html><html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), "text/html"),
        "HTML document");
    assertRefused(upload(("<svg xmlns='http://www.w3.org/2000/svg' onload='fetch(\"//x\")'><text>hi</text></svg>")
        .getBytes(StandardCharsets.UTF_8), "image/svg+xml"), "onload");
    assertRefused(upload(("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")
        .getBytes(StandardCharsets.UTF_8), "image/svg+xml"), "<script>");
  }

  @Test
  void aDeclaredTypeThatContradictsTheBytesIsRefusedNotTrusted() {
    byte[] png = MediaFixtures.png(30, 20);
    Answer answer = upload(png, "image/jpeg");
    assertRefused(answer, "Content-Type says image/jpeg but the bytes are image/png");
    Answer named = RUNNING.api().upload(png, "video/mp4", null, "clip.mp4");
    assertRefused(named, "but the bytes are image/png");
  }

  @Test
  void anUploadOverTheLimitIsRefusedAndLeavesNothing() throws Exception {
    byte[] big = MediaFixtures.concat(MediaFixtures.png(8, 8), new byte[(int) LIMIT]);
    Answer answer = upload(big, "image/png");
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.error()).contains(String.valueOf(LIMIT));
    assertThat(RUNNING.api().get("/api/v1/media/" + sha256(big)).status()).isEqualTo(404);
    assertThat(RUNNING.dataDir().resolve("media").resolve(sha256(big))).doesNotExist();
  }

  @Test
  void imagesGetA320PixelJpegThumbnailAndVideosAPlaceholder() throws Exception {
    String sha = uploaded(MediaFixtures.png(1280, 720), "image/png").get("sha256").asText();
    BufferedImage thumbnail = thumbnail(sha);
    assertThat(thumbnail.getWidth()).isEqualTo(320);
    assertThat(thumbnail.getHeight()).isEqualTo(180);
    assertThat(thumbnail.getRGB(160, 20) & 0xFFFFFF).as("red top half").satisfies(rgb -> {
      assertThat((rgb >> 16) & 0xFF).isGreaterThan(200);
      assertThat(rgb & 0xFF).isLessThan(60);
    });
    assertThat(thumbnail.getRGB(160, 160) & 0xFF).as("blue bottom half").isGreaterThan(200);
    assertThat(RUNNING.dataDir().resolve("media/.thumbnails/" + sha + ".jpg")).exists();

    String small = uploaded(MediaFixtures.jpeg(100, 50), null).get("sha256").asText();
    assertThat(thumbnail(small).getWidth()).as("not enlarged").isEqualTo(100);

    String video = uploaded(MediaFixtures.mp4(1000, 5000, false, 64), null).get("sha256").asText();
    BufferedImage placeholder = thumbnail(video);
    assertThat(placeholder.getWidth()).isEqualTo(320);
    assertThat(RUNNING.dataDir().resolve("media/.thumbnails/" + video + ".jpg")).doesNotExist();

    assertThat(get("/api/v1/media/" + "e".repeat(64) + "/thumbnail").statusCode()).isEqualTo(404);
    assertThat(get("/api/v1/media/nope/thumbnail").statusCode()).isEqualTo(400);
  }

  /**
   * An SVG slide (the demo's are all SVG) is its own thumbnail, which the console draws in an {@code <img>}:
   * not the grey placeholder ImageIO's blindness gave it. Served with the download's guards; one bigger than
   * a thumbnail should be gets the placeholder.
   */
  @Test
  void anSvgIsItsOwnThumbnailUnderTheDownloadsGuards() throws Exception {
    byte[] svg = ("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1920 1080'><rect width='1920' height='1080'"
        + " fill='#0b5cad'/><text x='100' y='200' font-size='120'>Chào mừng</text></svg>").getBytes(StandardCharsets.UTF_8);
    String sha = uploaded(svg, "image/svg+xml").get("sha256").asText();
    HttpResponse<byte[]> response = get("/api/v1/media/" + sha + "/thumbnail");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("image/svg+xml");
    assertThat(response.headers().firstValue("content-security-policy")).hasValueSatisfying(csp ->
        assertThat(csp).startsWith("sandbox;").contains("default-src 'none'"));
    assertThat(response.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    assertThat(response.body()).isEqualTo(svg);

    StringBuilder big = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>");
    while (big.length() <= 600 * 1024) {
      big.append("<rect x='1' y='2' width='3' height='4' fill='#123456'/>");
    }
    String bigSha = uploaded(big.append("</svg>").toString().getBytes(StandardCharsets.UTF_8), "image/svg+xml")
        .get("sha256").asText();
    assertThat(thumbnail(bigSha).getWidth()).as("the placeholder").isEqualTo(320);
  }

  @Test
  void aFileInUseCannotBeDeletedAndAnUnusedOneGoesWithItsThumbnail() throws Exception {
    String used = uploaded(MediaFixtures.png(40, 40), null).get("sha256").asText();
    assertThat(RUNNING.api().postJson("/api/v1/content", Map.of("id", "lib-used", "title", "Cửa khẩu",
        "mediaSha256", used, "durationSeconds", 10)).status()).isEqualTo(201);

    Answer refused = RUNNING.api().delete("/api/v1/media/" + used);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.error()).contains("content item lib-used");
    assertThat(media(used)).exists();
    assertThat(RUNNING.api().get("/api/v1/media/" + used).status()).isEqualTo(200);

    String unused = uploaded(MediaFixtures.png(41, 40), null).get("sha256").asText();
    assertThat(media(".thumbnails/" + unused + ".jpg")).exists();
    Answer deleted = RUNNING.api().delete("/api/v1/media/" + unused);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.body().get("removed").get("sha256").asText()).isEqualTo(unused);
    assertThat(media(unused)).doesNotExist();
    assertThat(media(".thumbnails/" + unused + ".jpg")).doesNotExist();
    assertThat(RUNNING.api().get("/api/v1/media/" + unused).status()).isEqualTo(404);
    assertThat(get("/media/" + unused).statusCode()).isEqualTo(404);

    assertThat(RUNNING.api().delete("/api/v1/media/" + unused).status()).isEqualTo(404);
    assertThat(RUNNING.api().delete("/api/v1/media/not-a-hash").status()).isEqualTo(400);
  }

  @Test
  void purgeRemovesExactlyTheUnusedFiles() throws Exception {
    String used = uploaded(MediaFixtures.png(50, 50), null).get("sha256").asText();
    assertThat(RUNNING.api().postJson("/api/v1/content", Map.of("id", "purge-used", "title", "Kim Thành",
        "mediaSha256", used, "durationSeconds", 10)).status()).isEqualTo(201);
    byte[] first = MediaFixtures.png(51, 50);
    byte[] second = MediaFixtures.mp4(1000, 3000, false, 10);
    String a = uploaded(first, null).get("sha256").asText();
    String b = uploaded(second, null).get("sha256").asText();

    Answer purged = RUNNING.api().post("/api/v1/media/purge");
    assertThat(purged.status()).isEqualTo(200);
    List<String> removed = StreamSupport.stream(purged.body().get("removed").spliterator(), false)
        .map(m -> m.get("sha256").asText()).toList();
    assertThat(removed).contains(a, b).doesNotContain(used);
    assertThat(purged.body().get("bytesFreed").asLong()).isGreaterThanOrEqualTo(first.length + second.length);
    assertThat(media(a)).doesNotExist();
    assertThat(media(b)).doesNotExist();
    assertThat(media(used)).exists();
    List<String> left = StreamSupport.stream(RUNNING.api().get("/api/v1/media").body().spliterator(), false)
        .map(m -> m.get("sha256").asText()).toList();
    assertThat(left).contains(used).doesNotContain(a, b);

    Answer again = RUNNING.api().post("/api/v1/media/purge");
    assertThat(again.body().get("removed")).isEmpty();
  }

  private static JsonNode uploaded(byte[] bytes, String mimeType) {
    Answer answer = upload(bytes, mimeType);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    assertThat(answer.body().get("sha256").asText()).isEqualTo(sha256(bytes));
    return answer.body();
  }

  private static Answer upload(byte[] bytes, String mimeType) {
    return RUNNING.api().upload(bytes, mimeType, null);
  }

  /** A 415 naming what was found, and nothing stored under the upload's hash. */
  private static void assertRefused(Answer answer, String... phrases) {
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(415);
    assertThat(answer.error()).contains(phrases).contains("nothing was stored");
  }

  private static BufferedImage thumbnail(String sha) throws Exception {
    HttpResponse<byte[]> response = get("/api/v1/media/" + sha + "/thumbnail");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("image/jpeg");
    assertThat(response.body()).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
    return ImageIO.read(new ByteArrayInputStream(response.body()));
  }

  private static HttpResponse<byte[]> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RUNNING.controller().httpPort() + path))
        .header("Authorization", "Bearer " + RUNNING.api().token())
        .method("GET", BodyPublishers.noBody()).build(), BodyHandlers.ofByteArray());
  }

  private static Path media(String name) {
    return RUNNING.dataDir().resolve("media").resolve(name);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
