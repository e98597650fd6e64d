package io.gatecast.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgsTest {
  @Test
  void aLayoutIsNamedInAnyCaseAndAnyOtherWordIsRefusedNamingTheLayouts() {
    Map<String, String> defaults = Map.of("gate-layout", "interleaved");
    assertThat(new Args(new String[0], defaults).oneOf("gate-layout", FleetSetup.Gates.Layout.class))
        .isEqualTo(FleetSetup.Gates.Layout.INTERLEAVED);
    assertThat(new Args(new String[] {"--gate-layout", "Blocks"}, defaults).oneOf("gate-layout",
        FleetSetup.Gates.Layout.class)).isEqualTo(FleetSetup.Gates.Layout.BLOCKS);
    assertThatThrownBy(() -> new Args(new String[] {"--gate-layout", "block"}, defaults).oneOf("gate-layout",
        FleetSetup.Gates.Layout.class)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--gate-layout must be one of [interleaved, blocks]; got block");
  }
}
