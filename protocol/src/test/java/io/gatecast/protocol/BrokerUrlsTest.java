package io.gatecast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerUrlsTest {
  @Test
  void aCommaSeparatedListIsReadInOrderWithSpacesAroundCommasAllowed() {
    assertThat(BrokerUrls.parse("tcp://a:1883, ssl://b.example:8883,tcp://10.0.0.3:1", "--broker"))
        .containsExactly("tcp://a:1883", "ssl://b.example:8883", "tcp://10.0.0.3:1");
    assertThat(BrokerUrls.parse("tcp://a:1883", "--broker")).containsExactly("tcp://a:1883");
    assertThat(BrokerUrls.join(List.of("tcp://a:1", "tcp://b:2"))).isEqualTo("tcp://a:1,tcp://b:2");
  }

  @Test
  void aBadEntryAnEmptyOneOrARepeatIsRefusedNamingIt() {
    assertThatThrownBy(() -> BrokerUrls.parse("tcp://a:1,http://b:2", "--broker"))
        .hasMessageContaining("--broker").hasMessageContaining("'http://b:2'");
    assertThatThrownBy(() -> BrokerUrls.parse("tcp://a:1,", "--broker")).hasMessageContaining("''");
    assertThatThrownBy(() -> BrokerUrls.parse("tcp://a:1,tcp://a:1", "--broker")).hasMessageContaining("twice");
    assertThatThrownBy(() -> BrokerUrls.check(List.of(), "brokerUrls")).hasMessageContaining("at least one");
  }
}
