package io.gatecast.agent.enroll;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.agent.display.PairingPage;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.enrollment.EnrollmentRequest;
import io.gatecast.protocol.enrollment.Identity;
import io.gatecast.protocol.enrollment.PairingCode;
import io.gatecast.protocol.enrollment.PickupRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrollment as the agent does it: make a pairing code and a secret, register them with the
 * controller, show the code, and poll with the secret until an operator has assigned the code and
 * the controller hands over this screen's identity. An expired or forgotten code is replaced by a
 * new one; an unreachable controller is retried (the code on screen says so). Blocks until done.
 */
public final class Pairing {
  private static final Logger LOG = LoggerFactory.getLogger(Pairing.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final URI controller;
  private final PairingPage page;
  private final Duration pollEvery;
  private final HttpClient http;

  /** @param controller the controller's base URL, e.g. {@code http://10.0.0.5:8080} */
  public Pairing(URI controller, PairingPage page, Duration pollEvery) {
    this(controller, page, pollEvery, null);
  }

  /** @param tls for an {@code https://} controller: trusts the {@code --ca-file}; null for the JVM's default trust */
  public Pairing(URI controller, PairingPage page, Duration pollEvery, SSLContext tls) {
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(REQUEST_TIMEOUT);
    this.http = (tls == null ? builder : builder.sslContext(tls)).build();
    this.controller = controller;
    this.page = page;
    this.pollEvery = pollEvery;
  }

  /** Runs until the controller hands over an identity. */
  public Identity run() throws InterruptedException {
    page.controller(controller.toString());
    while (true) {
      String code = PairingCode.newCode();
      String secret = PairingCode.newSecret();
      if (!register(code, secret)) {
        Thread.sleep(pollEvery.toMillis());
        continue;
      }
      page.show(PairingCode.display(code), "Nhập mã này trên bảng điều khiển GateCast để ghép nối màn hình"
          + " · Enter this code in the GateCast console to enroll this screen");
      LOG.info("waiting to be enrolled under pairing code {}", PairingCode.display(code));
      Identity identity = waitForAssignment(code, secret);
      if (identity != null) {
        return identity;
      }
    }
  }

  /** True when the controller took the code; false to try again later (or with another code). */
  private boolean register(String code, String secret) throws InterruptedException {
    try {
      HttpResponse<byte[]> answer = post("/api/v1/enrollments", new EnrollmentRequest(code, secret));
      if (answer.statusCode() == 201) {
        return true;
      }
      LOG.warn("the controller did not take pairing code {}: {} {}", code, answer.statusCode(), error(answer));
      page.show(null, "Bộ điều khiển từ chối mã ghép nối (" + answer.statusCode() + "), đang thử lại"
          + " · The controller refused the pairing code (" + answer.statusCode() + "); retrying");
    } catch (IOException e) {
      LOG.warn("cannot reach the controller at {} to register a pairing code: {}", controller, e.toString());
      page.show(null, "Không kết nối được bộ điều khiển " + controller + ", đang thử lại · Cannot reach the controller at "
          + controller + "; retrying");
    }
    return false;
  }

  /** The identity once assigned; null when the code expired or was forgotten (make a new one). */
  private Identity waitForAssignment(String code, String secret) throws InterruptedException {
    while (true) {
      Thread.sleep(pollEvery.toMillis());
      try {
        HttpResponse<byte[]> answer = post("/api/v1/enrollments/" + code + "/pickup", new PickupRequest(secret));
        switch (answer.statusCode()) {
          case 200:
            return Codec.mapper().readValue(answer.body(), Identity.class);
          case 202:
            continue;
          case 404:
          case 410:
            LOG.info("pairing code {} is no longer valid ({}); making a new one", PairingCode.display(code), error(answer));
            return null;
          default:
            LOG.warn("unexpected answer to the enrollment poll: {} {}", answer.statusCode(), error(answer));
        }
      } catch (IOException | IllegalArgumentException e) {
        // The code stays valid on the controller; keep showing it and keep asking.
        LOG.warn("enrollment poll failed: {}", e.toString());
      }
    }
  }

  private HttpResponse<byte[]> post(String path, Object body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(controller.resolve(path))
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Codec.mapper().writeValueAsBytes(body)))
        .build();
    return http.send(request, BodyHandlers.ofByteArray());
  }

  private static String error(HttpResponse<byte[]> answer) {
    try {
      JsonNode body = Codec.mapper().readTree(answer.body());
      return body.path("error").asText("");
    } catch (IOException e) {
      return "";
    }
  }
}
