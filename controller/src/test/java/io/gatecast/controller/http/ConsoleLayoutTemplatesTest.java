package io.gatecast.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.protocol.layout.LayoutTemplate;
import io.gatecast.protocol.layout.ScreenShape;
import io.gatecast.protocol.layout.TemplateRegion;
import io.gatecast.protocol.layout.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's layout editor draws its preview from its own copy of the templates
 * (console/js/layouttemplates.js): that copy must be protocol's {@link Templates}, region by
 * region, so what an operator previews is where the screen puts each region.
 */
class ConsoleLayoutTemplatesTest {
  private static final Pattern TEMPLATE = Pattern.compile("'([a-z-]+)': \\[(.*?)\\],\\n", Pattern.DOTALL);
  private static final Pattern REGION = Pattern.compile(
      "r\\('([A-Z]+)', ([0-9.]+), ([0-9.]+), ([0-9.]+), ([0-9.]+)\\)");

  private static String source() throws IOException {
    try (InputStream in = ConsoleLayoutTemplatesTest.class.getResourceAsStream("/console/js/layouttemplates.js")) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Template id → its regions written as "ROLE x y w h", for one shape's block of the JS table. */
  private static Map<String, List<String>> table(String source, ScreenShape shape) {
    int start = source.indexOf("  " + shape.name() + ": {");
    assertThat(start).as(shape.name()).isPositive();
    int end = source.indexOf("\n  },", start);
    Map<String, List<String>> templates = new LinkedHashMap<>();
    Matcher t = TEMPLATE.matcher(source.substring(start, end + 1));
    while (t.find()) {
      List<String> regions = new ArrayList<>();
      Matcher r = REGION.matcher(t.group(2));
      while (r.find()) {
        regions.add(r.group(1) + " " + Double.parseDouble(r.group(2)) + " " + Double.parseDouble(r.group(3)) + " "
            + Double.parseDouble(r.group(4)) + " " + Double.parseDouble(r.group(5)));
      }
      templates.put(t.group(1), regions);
    }
    return templates;
  }

  @Test
  void theConsolesTemplatesAreProtocolsRegionByRegion() throws IOException {
    String source = source();
    for (ScreenShape shape : ScreenShape.values()) {
      Map<String, List<String>> expected = new LinkedHashMap<>();
      for (LayoutTemplate template : Templates.all()) {
        if (template.shape() == shape) {
          expected.put(template.id(), template.regions().stream().map(ConsoleLayoutTemplatesTest::written).toList());
        }
      }
      assertThat(table(source, shape)).as(shape.name()).isEqualTo(expected);
    }
  }

  private static String written(TemplateRegion region) {
    return region.role().name() + " " + region.rect().x() + " " + region.rect().y() + " " + region.rect().w() + " "
        + region.rect().h();
  }
}
