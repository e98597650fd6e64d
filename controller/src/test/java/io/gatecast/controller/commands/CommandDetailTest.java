package io.gatecast.controller.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.controller.words.CodedWords;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words agents answer commands in, read as a code and values for the console; other words have no code. */
class CommandDetailTest {
  @Test
  void theAgentsAnswersAreCoded() {
    assertThat(CommandDetail.read("page reloaded through the browser's DevTools"))
        .hasValue(new CodedWords("reloadedThroughBrowser", Map.of()));
    assertThat(CommandDetail.read("the page was asked to reload itself")).map(CodedWords::code).contains("reloadAsked");
    assertThat(CommandDetail.read("restarting")).map(CodedWords::code).contains("restarting");
    assertThat(CommandDetail.read("showing the screen id for 30 s"))
        .hasValue(new CodedWords("identifying", Map.of("seconds", "30")));
    assertThat(CommandDetail.read("removed 4 unneeded files; 12 needed files present"))
        .hasValue(new CodedWords("cacheSwept", Map.of("removed", "4", "kept", "12")));
  }

  @Test
  void aFailuresReasonAndNoneHaveNoCode() {
    assertThat(CommandDetail.read(null)).isEmpty();
    assertThat(CommandDetail.read("java.io.IOException: the browser's screenshot is not a JPEG")).isEmpty();
  }
}
