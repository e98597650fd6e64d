package io.gatecast.agent.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class KioskOptionsTest {
  @Test
  void aCommandLineSplitsOnSpacesAndKeepsQuotedWordsWhole() {
    assertThat(KioskOptions.splitCommand("chromium  --kiosk --user-data-dir='/var/lib/gate cast' \"--app={url}\" {url}"))
        .containsExactly("chromium", "--kiosk", "--user-data-dir=/var/lib/gate cast", "--app={url}", "{url}");
    assertThat(KioskOptions.splitCommand("   ")).isEmpty();
    assertThat(KioskOptions.splitCommand(null)).isEmpty();
  }

  @Test
  void badOptionsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> KioskOptions.splitCommand("chromium 'unclosed")).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> new KioskOptions(List.of(), 70000, null)).hasMessageContaining("devtoolsPort");
    assertThatThrownBy(() -> new KioskOptions(List.of(), null, URI.create("ftp://controller/")))
        .hasMessageContaining("controllerUrl");
  }
}
