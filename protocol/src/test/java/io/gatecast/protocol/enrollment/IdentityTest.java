package io.gatecast.protocol.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Keys;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityTest {
  private static final String KEY = Base64.getEncoder().encodeToString(Keys.generate().getPublic().getEncoded());

  @Test
  void anIdentityWrittenWithOneBrokerUrlIsReadAsAListOfOne() throws Exception {
    String old = "{\"screenId\":\"gate-1\",\"mqttUsername\":\"gate-1\",\"mqttPassword\":\"pw\","
        + "\"brokerUrl\":\"tcp://10.0.0.5:1883\",\"keyId\":\"ctl-1\",\"publicKey\":\"" + KEY + "\"}";
    Identity identity = Codec.mapper().readValue(old, Identity.class);
    assertThat(identity.brokerUrls()).containsExactly("tcp://10.0.0.5:1883");
    assertThat(identity.brokerUrl()).isEqualTo("tcp://10.0.0.5:1883");
  }

  @Test
  void aListIsWrittenWithItsFirstEntryAlsoAsBrokerUrlForOlderAgents() throws Exception {
    Identity identity = Identity.of("gate-1", "gate-1", "pw", List.of("tcp://n1:1883", "tcp://n2:1883"), "ctl-1", KEY);
    JsonNode json = Codec.mapper().readTree(Codec.mapper().writeValueAsBytes(identity));
    assertThat(json.get("brokerUrl").asText()).isEqualTo("tcp://n1:1883");
    assertThat(json.get("brokerUrls")).hasSize(2);
    assertThat(Codec.mapper().treeToValue(json, Identity.class)).isEqualTo(identity);
    assertThat(identity.toString()).contains("tcp://n2:1883").doesNotContain("pw,");
  }

  @Test
  void aBrokerUrlThatIsNotTheFirstOfTheListOrABadEntryIsRefused() {
    assertThatThrownBy(() -> new Identity("gate-1", "gate-1", "pw", "tcp://n2:1883",
        List.of("tcp://n1:1883", "tcp://n2:1883"), "ctl-1", KEY)).hasMessageContaining("first of brokerUrls");
    assertThatThrownBy(() -> Identity.of("gate-1", "gate-1", "pw", List.of("tcp://n1:1883", "n2:1883"), "ctl-1", KEY))
        .hasMessageContaining("'n2:1883'");
  }
}
