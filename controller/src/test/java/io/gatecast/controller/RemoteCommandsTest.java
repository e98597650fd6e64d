package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.Command;
import io.gatecast.protocol.CommandResult;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each remote command's round trip: the console asks, the controller signs and sends it with the
 * screen's next sequence, a protocol-speaking agent verifies it, acts (a screenshot is a real PNG
 * uploaded over HTTP with the screen's login) and answers; the stored result is what it said.
 */
@IntegrationTest
class RemoteCommandsTest {
  private static final Duration DEADLINE = Duration.ofSeconds(15);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @RegisterExtension static final RunningController RUNNING = new RunningController();
  static String password;

  @BeforeAll
  static void registerScreens() {
    password = register("cmd-hall");
    register("cmd-other");
  }

  @Test
  void everyCommandIsSignedSequencedAnsweredAndStored() throws Exception {
    try (FakeAgent agent = new FakeAgent(broker(), "cmd-hall", password).listenForCommands(RUNNING.controller().signingKey())) {
      long before = commands("cmd-hall").size();
      for (Command.Kind kind : new Command.Kind[] {Command.Kind.RELOAD, Command.Kind.RESTART, Command.Kind.IDENTIFY,
          Command.Kind.CLEAR_CACHE}) {
        String body = kind == Command.Kind.IDENTIFY ? "{\"kind\":\"IDENTIFY\",\"durationSeconds\":45}" : "{\"kind\":\"" + kind + "\"}";
        Answer issued = RUNNING.api().postJson("/api/v1/screens/cmd-hall/commands", body);
        assertThat(issued.status()).isEqualTo(202);
        assertThat(issued.body().get("status").asText()).isEqualTo("PENDING");
        long sequence = issued.body().get("sequence").asLong();

        Command received = awaitCommand(agent, sequence);
        assertThat(received.kind()).isEqualTo(kind);
        assertThat(received.screenId()).isEqualTo("cmd-hall");
        if (kind == Command.Kind.IDENTIFY) {
          assertThat(received.durationSeconds()).isEqualTo(45);
        }
        agent.answer(received, CommandResult.Outcome.DONE, kind + " done", null);
        JsonNode stored = awaitStatus("cmd-hall", sequence, "DONE");
        assertThat(stored.get("detail").asText()).isEqualTo(kind + " done");
        assertThat(stored.get("answeredAt").isNull()).isFalse();
      }
      // Sequences grow by one per command on this screen.
      assertThat(agent.commands).extracting(Command::sequence)
          .containsExactly(before + 1, before + 2, before + 3, before + 4);
    }
  }

  @Test
  void aFailedCommandIsStoredWithTheAgentsReason() throws Exception {
    try (FakeAgent agent = new FakeAgent(broker(), "cmd-hall", password).listenForCommands(RUNNING.controller().signingKey())) {
      long sequence = issue("cmd-hall", "{\"kind\":\"CLEAR_CACHE\"}");
      Command received = awaitCommand(agent, sequence);
      agent.answer(received, CommandResult.Outcome.FAILED, "disk is read-only", null);

      JsonNode stored = awaitStatus("cmd-hall", sequence, "FAILED");
      assertThat(stored.get("detail").asText()).isEqualTo("disk is read-only");
    }
  }

  @Test
  void aScreenshotIsARealImageUploadedWithTheScreensLoginAndServedBack() throws Exception {
    try (FakeAgent agent = new FakeAgent(broker(), "cmd-hall", password).listenForCommands(RUNNING.controller().signingKey())) {
      byte[] png = png();
      String sha = ApiBadInputTest.sha256(png);
      // Nobody asked this screen: an upload is refused.
      String freshPassword = register("cmd-fresh");
      assertThat(put("cmd-fresh", sha, png, "cmd-fresh", freshPassword).statusCode()).isEqualTo(409);

      long sequence = issue("cmd-hall", "{\"kind\":\"SCREENSHOT\"}");
      Command received = awaitCommand(agent, sequence);
      assertThat(received.kind()).isEqualTo(Command.Kind.SCREENSHOT);

      // Refused: no login, a wrong password, another screen's name, bytes that do not match the name, not an image.
      assertThat(put("cmd-hall", sha, png, null, null).statusCode()).isEqualTo(401);
      assertThat(put("cmd-hall", sha, png, "cmd-hall", "wrong").statusCode()).isEqualTo(401);
      assertThat(put("cmd-hall", sha, png, "cmd-other", password).statusCode()).isEqualTo(401);
      HttpResponse<String> mismatch = put("cmd-hall", ApiBadInputTest.sha256(new byte[] {1}), png, "cmd-hall", password);
      assertThat(mismatch.statusCode()).isEqualTo(400);
      assertThat(mismatch.body()).contains("SHA-256");
      byte[] text = "not a picture".getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> notImage = put("cmd-hall", ApiBadInputTest.sha256(text), text, "cmd-hall", password);
      assertThat(notImage.statusCode()).isEqualTo(415);
      assertThat(notImage.body()).contains("PNG or JPEG");

      HttpResponse<String> uploaded = put("cmd-hall", sha, png, "cmd-hall", password);
      assertThat(uploaded.statusCode()).isEqualTo(201);
      agent.answer(received, CommandResult.Outcome.DONE, null, sha);

      JsonNode stored = awaitStatus("cmd-hall", sequence, "DONE");
      assertThat(stored.get("attachmentSha256").asText()).isEqualTo(sha);
      HttpResponse<byte[]> served = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/screens/cmd-hall/screenshots/"
          + sha)).header("Authorization", "Bearer " + RUNNING.api().token()).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.headers().firstValue("content-type")).contains("image/png");
      assertThat(served.body()).isEqualTo(png);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body()));
      assertThat(image.getWidth()).isEqualTo(320);
      assertThat(new Color(image.getRGB(10, 10))).isEqualTo(new Color(0xDA251D));
      assertThat(RUNNING.api().get("/api/v1/screens/cmd-other/screenshots/" + sha).status()).isEqualTo(404);
    }
  }

  @Test
  void aScreenshotOverTheLimitIsRefusedBeforeItsBodyIsRead() throws Exception {
    try (FakeAgent agent = new FakeAgent(broker(), "cmd-hall", password).listenForCommands(RUNNING.controller().signingKey())) {
      awaitCommand(agent, issue("cmd-hall", "{\"kind\":\"SCREENSHOT\"}"));
      // A raw request that announces 16 MiB + 1 and sends nothing: the answer must come without the body.
      try (Socket socket = new Socket("127.0.0.1", RUNNING.controller().httpPort())) {
        socket.setSoTimeout((int) DEADLINE.toMillis());
        String auth = Base64.getEncoder().encodeToString(("cmd-hall:" + password).getBytes(StandardCharsets.UTF_8));
        String head = "PUT /api/v1/screens/cmd-hall/screenshots/" + "a".repeat(64) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Authorization: Basic " + auth + "\r\nContent-Type: image/png\r\nContent-Length: " + (16L * 1024 * 1024 + 1)
            + "\r\n\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String answer = readAnswer(socket);
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("larger than the limit");
      }
    }
  }

  @Test
  void badCommandsAreRefusedNamingTheField() {
    Answer unknownKind = RUNNING.api().postJson("/api/v1/screens/cmd-hall/commands", "{\"kind\":\"SELF_DESTRUCT\"}");
    assertThat(unknownKind.status()).isEqualTo(400);
    assertThat(unknownKind.error()).contains("kind");
    Answer noKind = RUNNING.api().postJson("/api/v1/screens/cmd-hall/commands", "{}");
    assertThat(noKind.status()).isEqualTo(400);
    assertThat(noKind.error()).contains("kind");
    Answer duration = RUNNING.api().postJson("/api/v1/screens/cmd-hall/commands", "{\"kind\":\"RELOAD\",\"durationSeconds\":5}");
    assertThat(duration.status()).isEqualTo(400);
    assertThat(duration.error()).contains("durationSeconds is only for IDENTIFY");
    Answer tooLong = RUNNING.api().postJson("/api/v1/screens/cmd-hall/commands", "{\"kind\":\"IDENTIFY\",\"durationSeconds\":601}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.error()).contains("durationSeconds");
    Answer unknownScreen = RUNNING.api().postJson("/api/v1/screens/ghost/commands", "{\"kind\":\"RELOAD\"}");
    assertThat(unknownScreen.status()).isEqualTo(404);
    assertThat(RUNNING.api().get("/api/v1/screens/ghost/commands").status()).isEqualTo(404);
  }

  /** Reads one HTTP answer: its head, then as many body bytes as its Content-Length says. */
  private static String readAnswer(Socket socket) throws Exception {
    java.io.InputStream in = socket.getInputStream();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int headEnd = -1;
    int length = -1;
    while (headEnd < 0 || bytes.size() < headEnd + length) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      bytes.write(b);
      String text = bytes.toString(StandardCharsets.ISO_8859_1);
      if (headEnd < 0 && text.endsWith("\r\n\r\n")) {
        headEnd = text.length();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
        length = m.find() ? Integer.parseInt(m.group(1)) : 0;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0xDA251D));
    g.fillRect(0, 0, 320, 180);
    g.setColor(new Color(0xFFFF00));
    g.fillOval(130, 60, 60, 60);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static HttpResponse<String> put(String screenId, String sha, byte[] body, String user, String pass) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/screens/" + screenId + "/screenshots/" + sha))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + pass)
          .getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long issue(String screenId, String body) {
    Answer issued = RUNNING.api().postJson("/api/v1/screens/" + screenId + "/commands", body);
    assertThat(issued.status()).isEqualTo(202);
    return issued.body().get("sequence").asLong();
  }

  private static Command awaitCommand(FakeAgent agent, long sequence) {
    await().atMost(DEADLINE).until(() -> agent.commands.stream().anyMatch(c -> c.sequence() == sequence));
    return agent.commands.stream().filter(c -> c.sequence() == sequence).findFirst().orElseThrow();
  }

  private static JsonNode awaitStatus(String screenId, long sequence, String status) {
    await().atMost(DEADLINE).until(() -> status.equals(command(screenId, sequence).get("status").asText()));
    return command(screenId, sequence);
  }

  private static JsonNode command(String screenId, long sequence) {
    for (JsonNode command : commands(screenId)) {
      if (command.get("sequence").asLong() == sequence) {
        return command;
      }
    }
    throw new AssertionError("no command " + sequence);
  }

  private static JsonNode commands(String screenId) {
    Answer answer = RUNNING.api().get("/api/v1/screens/" + screenId + "/commands");
    assertThat(answer.status()).isEqualTo(200);
    return answer.body();
  }

  private static String register(String id) {
    Answer answer = RUNNING.api().postJson("/api/v1/screens", "{\"id\":\"" + id + "\"}");
    assertThat(answer.status()).isEqualTo(201);
    return answer.body().get("mqttPassword").asText();
  }

  private static String broker() {
    return RUNNING.controller().brokerUrl();
  }

  private static String base() {
    return "http://127.0.0.1:" + RUNNING.controller().httpPort();
  }
}
