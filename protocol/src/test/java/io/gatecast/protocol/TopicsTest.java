package io.gatecast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.protocol.Topics.Kind;
import io.gatecast.protocol.Topics.Topic;
import org.junit.jupiter.api.Test;

class TopicsTest {
  @Test
  void everyBuiltTopicParsesBack() {
    assertThat(Topics.parse(Topics.schedule("lc-hall-1"))).contains(new Topic(Kind.SCHEDULE, "lc-hall-1"));
    assertThat(Topics.parse(Topics.status("lc-hall-1"))).contains(new Topic(Kind.STATUS, "lc-hall-1"));
    assertThat(Topics.parse(Topics.events("lc-hall-1"))).contains(new Topic(Kind.EVENTS, "lc-hall-1"));
    assertThat(Topics.parse(Topics.commands("lc-hall-1"))).contains(new Topic(Kind.COMMANDS, "lc-hall-1"));
    assertThat(Topics.parse(Topics.alert("lao-cai-road"))).contains(new Topic(Kind.ALERT, "lao-cai-road"));
    assertThat(Topics.parse(Topics.clusterSchedule("lao-cai-road")))
        .contains(new Topic(Kind.CLUSTER_SCHEDULE, "lao-cai-road"));
    assertThat(Topics.clusterSchedule("lao-cai-road")).isEqualTo("gatecast/v1/clusters/lao-cai-road/schedule");
  }

  @Test
  void foreignAndMalformedTopicsAreNotOurs() {
    assertThat(Topics.parse("other/v1/screens/a/status")).isEmpty();
    assertThat(Topics.parse("gatecast/v1/screens/a/unknown")).isEmpty();
    assertThat(Topics.parse("gatecast/v1/screens/+/status")).isEmpty();
    assertThat(Topics.parse("gatecast/v1/clusters/a/status")).isEmpty();
    assertThat(Topics.parse("gatecast/v1/screens/a/alert")).isEmpty();
    assertThat(Topics.parse("gatecast/v1/clusters/+/schedule")).isEmpty();
    assertThat(Topics.parse("gatecast/v1/screens/a/b/status")).isEmpty();
  }

  @Test
  void idsThatWouldBreakTheTreeAreRefused() {
    assertThatThrownBy(() -> Topics.schedule("a/b")).hasMessageContaining("screenId");
    assertThatThrownBy(() -> Topics.schedule("#")).hasMessageContaining("screenId");
    assertThat(Topics.everyOne(Kind.STATUS)).isEqualTo("gatecast/v1/screens/+/status");
  }
}
