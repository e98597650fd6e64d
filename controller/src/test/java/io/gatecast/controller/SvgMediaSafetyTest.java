package io.gatecast.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.edges.RawHttp;
import io.gatecast.testkit.ApiClient.Answer;
import io.gatecast.testkit.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16, item 1: an uploaded SVG can never run script at the console's origin. SVG is read
 * against an allow-list (the payloads with {@code &#x09;} and {@code &#x0A;} inside
 * {@code javascript:} are refused), and every media answer is a sandboxed, never-sniffed
 * document; an SVG is a download when opened in a tab.
 */
@IntegrationTest
class SvgMediaSafetyTest {
  @RegisterExtension static final RunningController RUNNING = new RunningController();

  private static final List<String> UNSAFE = List.of(
      // The payloads: a tab or a line feed inside "javascript:" (a browser's URL parser drops them).
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"java&#x09;script:alert(1)\"><text y=\"200\">CLICK</text></a></svg>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"java&#x0A;script:alert(1)\"><text y=\"200\">CLICK</text></a></svg>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:x=\"http://www.w3.org/1999/xlink\"><a x:href=\" &#x0D; JaVaScRiPt:alert(1)\"><text>x</text></a></svg>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></svg>",
      // A harmless link turned into a script one by animation.
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"#x\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/><text>x</text></a></svg>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><use href=\"https://elsewhere.example/x.svg#a\"/></svg>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>@import url(https://elsewhere.example/x.css);</style></svg>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect fill=\"url(https://elsewhere.example/p.svg#g)\"/></svg>",
      "<?xml-stylesheet href=\"https://elsewhere.example/x.xsl\" type=\"text/xsl\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script></svg>",
      "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\"/></svg>");

  private static final String DRAWING = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
      + " width=\"1920\" height=\"1080\" viewBox=\"0 0 1920 1080\"><defs><linearGradient id=\"g\"><stop offset=\"0\""
      + " stop-color=\"#003\"/></linearGradient></defs><rect width=\"1920\" height=\"1080\" fill=\"url(#g)\"/>"
      + "<use xlink:href=\"#g\"/><text x=\"960\" y=\"540\" font-family=\"Noto Sans\" text-anchor=\"middle\""
      + " style=\"fill: white\">Cửa khẩu · 边境</text></svg>";

  @Test
  void scriptInAnyFormIsRefusedAndNothingIsStored() throws Exception {
    for (String svg : UNSAFE) {
      byte[] bytes = svg.getBytes(StandardCharsets.UTF_8);
      Answer answer = RUNNING.api().upload(bytes, "image/svg+xml", null);
      assertThat(answer.status()).as(svg + " -> " + answer.body()).isEqualTo(415);
      assertThat(answer.body().path("code").asText()).as(svg).isEqualTo("SVG_UNSAFE");
      assertThat(RUNNING.api().get("/api/v1/media/" + ApiBadInputTest.sha256(bytes)).status()).as(svg).isEqualTo(404);
    }
  }

  @Test
  void aDrawingIsAcceptedAndServedAsASandboxedDownload() throws Exception {
    byte[] svg = DRAWING.getBytes(StandardCharsets.UTF_8);
    Answer stored = RUNNING.api().upload(svg, "image/svg+xml", null);
    assertThat(stored.status()).as(stored.body().toString()).isEqualTo(201);
    String sha = ApiBadInputTest.sha256(svg);
    try (RawHttp connection = new RawHttp(RUNNING.controller().httpPort())) {
      RawHttp.Response answer = connection.send(RawHttp.request("GET", "/media/" + sha, null, null)).read();
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("content-type")).startsWith("image/svg+xml");
      assertThat(answer.header("content-security-policy")).startsWith("sandbox").contains("default-src 'none'");
      assertThat(answer.header("x-content-type-options")).isEqualTo("nosniff");
      assertThat(answer.header("content-disposition")).startsWith("attachment");
      assertThat(answer.body()).isEqualTo(DRAWING);
    }

    byte[] png = MediaFixtures.png(4, 4);
    assertThat(RUNNING.api().upload(png, "image/png", null).status()).isEqualTo(201);
    try (RawHttp connection = new RawHttp(RUNNING.controller().httpPort())) {
      RawHttp.Response answer = connection.send(RawHttp.request("GET", "/media/" + ApiBadInputTest.sha256(png), null, null))
          .read();
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("content-security-policy")).startsWith("sandbox");
      assertThat(answer.header("content-disposition")).isNull();
    }
  }

  @Test
  void unknownMediaIsAJson404() {
    for (String path : List.of("/media/" + "a".repeat(64), "/media/" + "a".repeat(64) + "/more")) {
      try (RawHttp connection = new RawHttp(RUNNING.controller().httpPort())) {
        RawHttp.Response answer = connection.send(RawHttp.request("GET", path, null, null)).read();
        assertThat(answer.status()).as(path).isEqualTo(404);
        assertThat(answer.header("content-type")).as(path).startsWith("application/json");
        assertThat(answer.body()).as(path).contains("\"error\"");
      }
    }
  }
}
