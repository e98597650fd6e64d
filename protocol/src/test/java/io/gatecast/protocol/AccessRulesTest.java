package io.gatecast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessRulesTest {
  private static final Map<String, String> SCREENS = Map.of(
      "lc-hall-1", "lao-cai-road",
      "lc-hall-2", "lao-cai-road",
      "kt-lane-1", "kim-thanh");
  private final AccessRules rules = new AccessRules("controller", id -> Optional.ofNullable(SCREENS.get(id)));

  @Test
  void aScreenSubscribesToItsOwnScheduleCommandsAndClusterAlertAndScheduleOnly() {
    assertThat(rules.maySubscribe("lc-hall-1", Topics.schedule("lc-hall-1"))).isTrue();
    assertThat(rules.maySubscribe("lc-hall-1", Topics.commands("lc-hall-1"))).isTrue();
    assertThat(rules.maySubscribe("lc-hall-1", Topics.alert("lao-cai-road"))).isTrue();
    assertThat(rules.maySubscribe("lc-hall-1", Topics.clusterSchedule("lao-cai-road"))).isTrue();

    assertThat(rules.maySubscribe("lc-hall-1", Topics.clusterSchedule("kim-thanh"))).as("another gate's").isFalse();

    assertThat(rules.maySubscribe("lc-hall-1", Topics.schedule("lc-hall-2"))).isFalse();
    assertThat(rules.maySubscribe("lc-hall-1", Topics.commands("lc-hall-2"))).isFalse();
    assertThat(rules.maySubscribe("lc-hall-1", Topics.alert("kim-thanh"))).isFalse();
    assertThat(rules.maySubscribe("lc-hall-1", Topics.status("lc-hall-1"))).isFalse();
    assertThat(rules.maySubscribe("lc-hall-1", Topics.events("lc-hall-2"))).isFalse();
  }

  @Test
  void aScreenPublishesOnlyItsOwnStatusAndEvents() {
    assertThat(rules.mayPublish("lc-hall-1", Topics.status("lc-hall-1"))).isTrue();
    assertThat(rules.mayPublish("lc-hall-1", Topics.events("lc-hall-1"))).isTrue();

    assertThat(rules.mayPublish("lc-hall-1", Topics.status("lc-hall-2"))).as("publish as B").isFalse();
    assertThat(rules.mayPublish("lc-hall-1", Topics.events("lc-hall-2"))).isFalse();
    assertThat(rules.mayPublish("lc-hall-1", Topics.schedule("lc-hall-1"))).as("its own schedule").isFalse();
    assertThat(rules.mayPublish("lc-hall-1", Topics.commands("lc-hall-1"))).isFalse();
    assertThat(rules.mayPublish("lc-hall-1", Topics.alert("lao-cai-road"))).isFalse();
    assertThat(rules.mayPublish("lc-hall-1", Topics.clusterSchedule("lao-cai-road"))).as("its gate's schedule").isFalse();
  }

  @Test
  void wildcardsAreRefusedForScreensEvenOverTheirOwnTopics() {
    for (String filter : new String[] {
        "#", "gatecast/#", "gatecast/v1/screens/+/schedule", "gatecast/v1/screens/lc-hall-1/#",
        "gatecast/v1/screens/lc-hall-1/+", "gatecast/v1/clusters/+/alert", "gatecast/v1/clusters/+/schedule",
        "gatecast/v1/clusters/lao-cai-road/+", "+/v1/screens/lc-hall-1/schedule",
        "$share/g/gatecast/v1/screens/lc-hall-1/schedule", "$SYS/#"}) {
      assertThat(rules.maySubscribe("lc-hall-1", filter)).as(filter).isFalse();
    }
    assertThat(rules.mayPublish("lc-hall-1", "gatecast/v1/screens/+/status")).isFalse();
  }

  @Test
  void theControllerPublishesWhatItSendsAndSubscribesToWhatScreensReport() {
    assertThat(rules.mayPublish("controller", Topics.schedule("lc-hall-1"))).isTrue();
    assertThat(rules.mayPublish("controller", Topics.commands("kt-lane-1"))).isTrue();
    assertThat(rules.mayPublish("controller", Topics.alert("kim-thanh"))).isTrue();
    assertThat(rules.mayPublish("controller", Topics.clusterSchedule("kim-thanh"))).isTrue();
    assertThat(rules.mayPublish("controller", Topics.status("lc-hall-1"))).as("forging an agent").isFalse();
    assertThat(rules.mayPublish("controller", Topics.events("lc-hall-1"))).isFalse();

    assertThat(rules.maySubscribe("controller", "gatecast/v1/screens/+/status")).isTrue();
    assertThat(rules.maySubscribe("controller", "gatecast/v1/screens/+/events")).isTrue();
    assertThat(rules.maySubscribe("controller", Topics.status("lc-hall-1"))).isTrue();
    assertThat(rules.maySubscribe("controller", "#")).isFalse();
    assertThat(rules.maySubscribe("controller", "gatecast/v1/screens/+/+")).isFalse();
    assertThat(rules.maySubscribe("controller", "gatecast/v1/screens/+/schedule")).isFalse();
    assertThat(rules.maySubscribe("controller", "gatecast/v1/clusters/+/schedule")).isFalse();
  }

  @Test
  void strangersAndLookalikesGetNothing() {
    assertThat(rules.maySubscribe("unknown-screen", Topics.schedule("unknown-screen"))).isFalse();
    assertThat(rules.mayPublish("unknown-screen", Topics.status("unknown-screen"))).isFalse();
    assertThat(rules.mayPublish(null, Topics.status("lc-hall-1"))).isFalse();
    assertThat(rules.maySubscribe("lc-hall-1", null)).isFalse();
    assertThat(rules.mayPublish("lc-hall-1", "gatecast/v1/screens/lc-hall-1/status/extra")).isFalse();
    AccessRules clash = new AccessRules("controller", id -> Optional.of("c"));
    assertThat(clash.maySubscribe("controller", Topics.schedule("controller"))).as("controller is never a screen").isFalse();
  }

  @Test
  void theMosquittoAclGrantsTheSameRules() {
    String acl = MosquittoAcl.render("controller", SCREENS);
    assertThat(acl).contains(
        "user controller\n"
            + "topic write gatecast/v1/screens/+/schedule\n"
            + "topic write gatecast/v1/screens/+/commands\n"
            + "topic write gatecast/v1/clusters/+/alert\n"
            + "topic write gatecast/v1/clusters/+/schedule\n"
            + "topic read gatecast/v1/screens/+/status\n"
            + "topic read gatecast/v1/screens/+/events\n");
    assertThat(acl).contains(
        "user lc-hall-1\n"
            + "topic read gatecast/v1/screens/lc-hall-1/schedule\n"
            + "topic read gatecast/v1/screens/lc-hall-1/commands\n"
            + "topic read gatecast/v1/clusters/lao-cai-road/alert\n"
            + "topic read gatecast/v1/clusters/lao-cai-road/schedule\n"
            + "topic write gatecast/v1/screens/lc-hall-1/status\n"
            + "topic write gatecast/v1/screens/lc-hall-1/events\n");
    // Every concrete grant in the file is also granted by AccessRules (the file says nothing the rules do not).
    String user = null;
    for (String line : acl.split("\n")) {
      if (line.startsWith("user ")) {
        user = line.substring(5);
      } else if (line.startsWith("topic ")) {
        String[] parts = line.split(" ");
        boolean allowed = parts[1].equals("write") ? rules.mayPublish(user, parts[2].replace("+", "x1"))
            : rules.maySubscribe(user, parts[2]);
        assertThat(allowed).as(user + ": " + line).isTrue();
      } else {
        assertThat(line).as("only comments, users and topics").matches("(#.*)?");
      }
    }
    assertThatThrownBy(() -> MosquittoAcl.render("controller", Map.of("controller", "c"))).hasMessageContaining("controller");
    assertThatThrownBy(() -> MosquittoAcl.render("controller", Map.of("a b", "c"))).hasMessageContaining("screenId");
  }
}
