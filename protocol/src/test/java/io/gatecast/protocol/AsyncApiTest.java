package io.gatecast.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** protocol/asyncapi.json must describe exactly the topic tree of {@link Topics} and the message classes of this package. */
class AsyncApiTest {
  private static JsonNode doc() throws IOException {
    return Codec.mapper().readTree(Path.of("asyncapi.json").toFile());
  }

  @Test
  void itsChannelsAreExactlyTheTopicKinds() throws IOException {
    Set<String> addresses = new TreeSet<>();
    doc().get("channels").forEach(c -> addresses.add(c.get("address").textValue()));
    Set<String> expected = new TreeSet<>();
    for (Topics.Kind kind : Topics.Kind.values()) {
      String address = Topics.everyOne(kind).replace("/screens/+/", "/screens/{screenId}/").replace("/clusters/+/", "/clusters/{clusterId}/");
      expected.add(address);
      assertThat(Topics.parse(address.replace("{screenId}", "s-1").replace("{clusterId}", "c-1")).orElseThrow().kind()).isEqualTo(kind);
    }
    assertThat(addresses).isEqualTo(expected);
    assertThat(doc().get("asyncapi").textValue()).startsWith("3.");
  }

  @Test
  void itsMessagesAreExactlyTheMessageClasses() throws IOException, URISyntaxException {
    Set<String> documented = new TreeSet<>();
    doc().get("components").get("schemas").fieldNames().forEachRemaining(documented::add);
    documented.remove("Header");
    assertThat(documented).isEqualTo(messageClasses());
    Set<String> payloads = new HashSet<>();
    doc().get("components").get("messages").forEach(m -> payloads.add(m.get("payload").get("$ref").textValue().replace("#/components/schemas/", "")));
    assertThat(payloads).containsAll(messageClasses());
    doc().get("components").get("messages").forEach(m ->
        assertThat(Files.exists(Path.of(m.get("x-gatecast-example").textValue()))).as(m.get("name").textValue()).isTrue());
  }

  /** Records of io.gatecast.protocol that carry a Header (the messages), plus the Signed envelope. */
  private static Set<String> messageClasses() throws IOException, URISyntaxException {
    Path dir = Paths.get(Header.class.getResource("Header.class").toURI()).getParent();
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
        String name = file.getFileName().toString().replace(".class", "");
        try {
          Class<?> type = Class.forName("io.gatecast.protocol." + name);
          if (type.isRecord() && Stream.of(type.getRecordComponents()).anyMatch(c -> c.getType() == Header.class)) {
            names.add(name);
          }
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    names.add("Signed");
    return names;
  }
}
