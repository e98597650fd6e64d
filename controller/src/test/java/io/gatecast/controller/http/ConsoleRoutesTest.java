package io.gatecast.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.RunningController;
import io.gatecast.testkit.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console's static files: where they are, how they are typed, and the policy they carry. */
@IntegrationTest
class ConsoleRoutesTest {
  @RegisterExtension static RunningController running = new RunningController();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void theRootLeadsToTheConsole() throws Exception {
    HttpResponse<String> root = get("/");
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("location")).hasValue("/console/");
  }

  @Test
  void theConsolePageNeedsNoLoginAndAllowsOnlyItsOwnScripts() throws Exception {
    HttpResponse<String> page = get("/console/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("<script type=\"module\" src=\"js/app.js\">");
    assertThat(page.headers().firstValue("content-security-policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'").doesNotContain("unsafe-inline"));
    assertThat(page.headers().firstValue("x-content-type-options")).hasValue("nosniff");
  }

  @Test
  void modulesAreServedAsJavaScriptAndUnknownFilesAre404() throws Exception {
    HttpResponse<String> module = get("/console/js/i18n.js");
    assertThat(module.statusCode()).isEqualTo(200);
    assertThat(module.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(get("/console/js/no-such-module.js").statusCode()).isEqualTo(404);
  }

  @Test
  void theScreensOwnRendererIsServedForTheLivePreview() throws Exception {
    HttpResponse<String> renderer = get("/console/screen/render.js");
    assertThat(renderer.statusCode()).isEqualTo(200);
    assertThat(renderer.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    // The very file the agent's page loads (module screen-renderer), not a copy.
    try (var in = ConsoleRoutesTest.class.getResourceAsStream("/io/gatecast/screen/render.js")) {
      assertThat(renderer.body()).isEqualTo(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(get("/console/screen/screen.css").statusCode()).isEqualTo(200);
    assertThat(get("/console/screen/nothing.js").statusCode()).isEqualTo(404);
  }

  @Test
  void onlyThePreviewPageMayBeFramedAndOnlyByTheConsole() throws Exception {
    HttpResponse<String> preview = get("/console/preview/screen.html");
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).contains("../screen/render.js");
    assertThat(preview.headers().allValues("content-security-policy")).singleElement()
        .satisfies(csp -> assertThat(csp).contains("frame-ancestors 'self'").doesNotContain("unsafe-inline"));
    assertThat(get("/console/").headers().firstValue("content-security-policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.controller().httpPort() + path))
        .build(), BodyHandlers.ofString());
  }
}
