package io.gatecast.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The words an agent writes are the words the controller reads: each of {@link AgentWords}' sentences comes back
 * as its code and values. Words of older agents are these same sentences (the agent's texts were moved here
 * unchanged), so the literal sentences are checked too; anything else has no code.
 */
class AgentWordsTest {
  private static final String URL = "https://controller.example/media/ab12";

  @Test
  void theDisplaysWordsComeBackAsTheirCodes() {
    assertThat(AgentWords.readDisplay(AgentWords.browserDown("exited with 1")))
        .hasValue(new CodedWords("browserDown", Map.of("exit", "exited with 1")));
    assertThat(AgentWords.readDisplay(AgentWords.noBrowserYet())).map(CodedWords::code).contains("noBrowserYet");
    assertThat(AgentWords.readDisplay(AgentWords.kioskNotYet())).map(CodedWords::code).contains("kioskNotYet");
    assertThat(AgentWords.readDisplay(AgentWords.pageSilent(Duration.ofSeconds(45))))
        .hasValue(new CodedWords("pageSilent", Map.of("seconds", "45")));
    assertThat(AgentWords.readDisplay(AgentWords.kioskPageSilent(Duration.ofSeconds(45))))
        .hasValue(new CodedWords("kioskPageSilent", Map.of("seconds", "45")));
  }

  @Test
  void olderAgentsDisplayWordsAreTheSame() {
    assertThat(AgentWords.readDisplay("the kiosk browser has not opened the page since the agent started"))
        .map(CodedWords::code).contains("kioskNotYet");
    assertThat(AgentWords.readDisplay("the page has not asked the agent for 45 s (browser frozen or closed?)"))
        .map(CodedWords::code).contains("kioskPageSilent");
  }

  @Test
  void theCommandsAnswersComeBackAsTheirCodes() {
    assertThat(AgentWords.readCommand(AgentWords.reloadedThroughBrowser()))
        .hasValue(new CodedWords("reloadedThroughBrowser", Map.of()));
    assertThat(AgentWords.readCommand(AgentWords.reloadAsked())).map(CodedWords::code).contains("reloadAsked");
    assertThat(AgentWords.readCommand(AgentWords.restarting())).map(CodedWords::code).contains("restarting");
    assertThat(AgentWords.readCommand(AgentWords.identifying(Duration.ofSeconds(30))))
        .hasValue(new CodedWords("identifying", Map.of("seconds", "30")));
    assertThat(AgentWords.readCommand(AgentWords.cacheSwept(4, 12)))
        .hasValue(new CodedWords("cacheSwept", Map.of("removed", "4", "kept", "12")));
    assertThat(AgentWords.readCommand("showing the screen id for 30 s")).map(CodedWords::code).contains("identifying");
  }

  @Test
  void aFailuresWordsComeBackAsTheirCodes() {
    assertThat(AgentWords.readFailure(AgentWords.mediaHttp(URL, 404)))
        .hasValue(new CodedWords("mediaHttp", Map.of("url", URL, "status", "404")));
    assertThat(AgentWords.readFailure(AgentWords.mediaUnreachable(URL, "java.net.ConnectException: Connection refused")))
        .hasValue(new CodedWords("mediaUnreachable", Map.of("url", URL)));
    assertThat(AgentWords.readFailure(AgentWords.mediaChecksum(URL, "ab12", "cd34")))
        .hasValue(new CodedWords("mediaChecksum", Map.of("url", URL)));
    assertThat(AgentWords.readFailure(AgentWords.mediaShort("ab12", URL, 10, 20)))
        .hasValue(new CodedWords("mediaSize", Map.of("url", URL)));
    assertThat(AgentWords.readFailure(AgentWords.mediaLarger("ab12", URL, 20)))
        .hasValue(new CodedWords("mediaSize", Map.of("url", URL)));
    assertThat(AgentWords.readFailure(AgentWords.cacheWrite(URL, new IOException("No space left on device"))))
        .hasValue(new CodedWords("cacheWrite", Map.of("url", URL)));
    assertThat(AgentWords.readFailure(AgentWords.cacheQuota("ab12", 1000, 50, 800, 300)))
        .hasValue(new CodedWords("cacheQuota", Map.of("file", "ab12", "quotaBytes", "1000")));
    assertThat(AgentWords.readFailure(AgentWords.cacheQuota("ab12", 1000, null, 800, 300)))
        .map(CodedWords::code).contains("cacheQuota");
    assertThat(AgentWords.readFailure(AgentWords.diskFull("ab12", 300, 200, 100)))
        .hasValue(new CodedWords("diskFull", Map.of("file", "ab12", "needBytes", "300", "freeBytes", "200")));
    assertThat(AgentWords.readFailure(AgentWords.screenshotNotJpeg())).map(CodedWords::code).contains("screenshotNotJpeg");
    assertThat(AgentWords.readFailure(AgentWords.screenshotNotUploaded("/var/lib/gatecast/shots/ab.jpg")))
        .map(CodedWords::code).contains("screenshotNotUploaded");
    assertThat(AgentWords.readFailure(AgentWords.screenshotRefused(413, URL, "too large")))
        .hasValue(new CodedWords("screenshotRefused", Map.of("status", "413")));
    assertThat(AgentWords.readFailure(AgentWords.browserRestarting("exited with 137")))
        .hasValue(new CodedWords("browserRestarting", Map.of("exit", "exited with 137")));
    assertThat(AgentWords.readFailure(AgentWords.browserNotAnswering(9222))).map(CodedWords::code)
        .contains("browserNotAnswering");
    assertThat(AgentWords.readFailure(AgentWords.browserNoTab("http://127.0.0.1:8091/"))).map(CodedWords::code)
        .contains("browserNoTab");
    assertThat(AgentWords.readFailure(AgentWords.browserNoDevTools())).map(CodedWords::code).contains("browserNoDevTools");
  }

  @Test
  void aFailureCutShortOrOverSeveralLinesKeepsItsCode() {
    String cut = AgentWords.cacheWrite(URL, new IOException("No space left on device")).substring(0, 100) + "...";
    assertThat(AgentWords.readFailure(cut)).map(CodedWords::code).contains("cacheWrite");
    assertThat(AgentWords.readFailure(AgentWords.mediaUnreachable(URL, "java.io.IOException: first\nsecond")))
        .map(CodedWords::code).contains("mediaUnreachable");
  }

  @Test
  void otherWordsAndNoneHaveNoCode() {
    assertThat(AgentWords.readCommand(null)).isEmpty();
    assertThat(AgentWords.readFailure(null)).isEmpty();
    assertThat(AgentWords.readDisplay("chromium exited")).isEmpty();
    assertThat(AgentWords.readCommand("java.lang.IllegalStateException: unknown command kind")).isEmpty();
    assertThat(AgentWords.readFailure("the signature does not verify")).isEmpty();
  }
}
