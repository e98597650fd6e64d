package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.testkit.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Agents download media by hash, and resume an interrupted download with an HTTP Range. */
@IntegrationTest
class MediaDownloadTest {
  private static final byte[] FILE = "<svg xmlns='http://www.w3.org/2000/svg'><text>Cửa khẩu Lào Cai · 老街口岸</text></svg>"
      .getBytes(StandardCharsets.UTF_8);

  @RegisterExtension static final RunningController RUNNING = new RunningController();
  static String sha;
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void startAndUpload() {
    sha = RUNNING.api().upload(FILE, "image/svg+xml", null).body().get("sha256").asText();
  }

  @Test
  void theWholeFileComesWithItsStoredType() throws Exception {
    HttpResponse<byte[]> response = get("/media/" + sha, null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("image/svg+xml");
    assertThat(response.body()).isEqualTo(FILE);
  }

  @Test
  void aRangeResumesWhereADownloadStopped() throws Exception {
    HttpResponse<byte[]> response = get("/media/" + sha, "bytes=10-");
    assertThat(response.statusCode()).isEqualTo(206);
    assertThat(response.headers().firstValue("content-range")).hasValue("bytes 10-" + (FILE.length - 1) + "/" + FILE.length);
    assertThat(response.body()).isEqualTo(Arrays.copyOfRange(FILE, 10, FILE.length));
  }

  @Test
  void unknownOrMalformedNamesAreNotFoundOrRefused() throws Exception {
    assertThat(get("/media/" + "f".repeat(64), null).statusCode()).isEqualTo(404);
    assertThat(get("/media/..%2F..%2Fgatecast.db", null).statusCode()).isBetween(400, 404);
  }

  private static HttpResponse<byte[]> get(String path, String range) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RUNNING.controller().httpPort() + path));
    if (range != null) {
      request.header("Range", range);
    }
    return HTTP.send(request.build(), BodyHandlers.ofByteArray());
  }
}
