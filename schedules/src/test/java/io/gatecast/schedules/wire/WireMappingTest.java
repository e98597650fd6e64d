package io.gatecast.schedules.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.rules.CampaignSpec;
import io.gatecast.protocol.rules.DaypartSpec;
import io.gatecast.protocol.rules.EntrySpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.PlaylistSpec;
import io.gatecast.protocol.rules.ScreenProfile;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.protocol.rules.TargetsSpec;
import io.gatecast.protocol.rules.VariantSpec;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.MediaKind;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.model.Variant;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The edges of the mapping the round trip does not reach: refusals, and what a MIME type plays as. */
class WireMappingTest {
  private static final String SHA = "ab".repeat(32);

  @Test
  void aRuleTheEngineRefusesNamesItsPathInTheMessage() {
    ItemSpec item = new ItemSpec("i1", "Slide", List.of(VariantSpec.text("vi", "Xin chào", 10)));
    CampaignSpec campaign = new CampaignSpec("c1", null, new PlaylistSpec("p1", List.of(EntrySpec.of("i1"))),
        TargetsSpec.clusters("gate"), LocalDateTime.parse("2026-03-01T00:00"), LocalDateTime.parse("2026-04-01T00:00"),
        List.of(new DaypartSpec(List.of(DayOfWeek.MONDAY), LocalTime.NOON, LocalTime.NOON)), null, null, null, null);
    ScreenRules wire = new ScreenRules(new ScreenProfile("s1", "gate", null, null, "Asia/Ho_Chi_Minh", List.of("vi")),
        List.of(item), List.of(campaign), null, null, null);

    assertThatThrownBy(() -> WireMapping.fromWire(wire))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rules.campaigns[0].dayparts[0].end: ");
  }

  @Test
  void aMimeTypeTheScreenCannotShowIsRefused() {
    MediaRef pdf = new MediaRef(SHA, "http://10.0.0.5/media/" + SHA, "application/pdf", 10L);

    assertThat(WireMapping.kindOf(new MediaRef(SHA, pdf.url(), "Video/MP4", 10L))).isEqualTo(MediaKind.VIDEO);
    assertThatThrownBy(() -> WireMapping.kindOf(pdf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("application/pdf");
  }

  @Test
  void aVariantWhoseFileTheSenderLacksIsAnError() {
    Screen screen = new Screen("s1", "gate", Set.of(), Set.of(), ZoneId.of("Asia/Ho_Chi_Minh"), List.of("vi"));
    ContentItem item = new ContentItem("i1", "Slide", List.of(Variant.media("vi", SHA, MediaKind.IMAGE, 10)));
    Rules rules = Rules.of(List.of(), Playlist.of("p1", item));

    assertThatThrownBy(() -> WireMapping.toWire(screen, rules, media -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(SHA);
  }
}
