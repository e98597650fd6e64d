package io.gatecast.schedules.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.ScreenProfile;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.protocol.rules.VariantSpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The controller's {@link WireMapping#toWire} and the agent's {@link WireMapping#fromWire} held to
 * each other over random rules ({@link RandomModel}), with the protocol's codec between them as on
 * the real wire (a {@link ScheduleMessage} encoded and decoded).
 *
 * <p>A fresh seed each run, printed; case {@code i} uses seed {@code seed + i}. A failure names its
 * case's seed: rerun exactly that case first with {@code -Dgatecast.wire.seed=<seed>} (and
 * {@code -Dgatecast.wire.cases=1} for that case alone).
 */
class WireMappingRoundTripTest {
  private static final int CASES = Integer.getInteger("gatecast.wire.cases", 500);
  private static final long SEED = Long.getLong("gatecast.wire.seed", new SecureRandom().nextLong());

  /** Engine → wire → JSON → wire → engine gives back what the message carries: all of the screen's rules. */
  @Test
  void engineRulesComeBackFromTheWireUnchanged() {
    forEachCase("engine -> wire -> engine", model -> {
      ScreenRules wire = overTheWire(WireMapping.toWire(model.screen, model.rules, model.layout, model.campaignLayouts,
          files(model.files)));

      WireMapping.Mapped back = WireMapping.fromWire(wire);

      assertThat(back.screen()).isEqualTo(model.screen);
      assertThat(back.rules()).isEqualTo(model.forScreen());
      assertThat(back.layout()).isEqualTo(model.layout);
      if (model.layout != null) {
        assertThat(back.layout().engine()).isEqualTo(model.layout.engine());
        assertThat(wire.layout()).isEqualTo(model.layout.spec());
      }
      // A campaign's own layout comes back for the campaigns aimed at the screen, and only for them.
      assertThat(back.campaignLayouts()).isEqualTo(model.campaignLayoutsForScreen());
      back.campaignLayouts().forEach((id, l) -> {
        assertThat(l.engine()).isEqualTo(model.campaignLayouts.get(id).engine());
        assertThat(wire.campaignLayouts().get(id)).isEqualTo(model.campaignLayouts.get(id).spec());
      });
      if (model.campaignLayoutsForScreen().isEmpty()) {
        assertThat(new String(Codec.encode(wire), StandardCharsets.UTF_8)).doesNotContain("campaignLayouts");
      }
    });
  }

  /**
   * Wire → engine → wire gives back the same message, byte for byte in JSON (the controller skips
   * screens whose JSON did not change), less what the engine does not hold: the profile's names
   * (the controller adds them per screen) and items no playlist names.
   */
  @Test
  void wireRulesComeBackFromTheEngineUnchanged() {
    forEachCase("wire -> engine -> wire", model -> {
      ScreenRules sent = overTheWire(WireMapping.toWire(model.screen, model.rules, model.layout, model.campaignLayouts,
          files(model.files)));
      ScreenRules received = overTheWire(withNamesAndAnUnusedItem(sent));

      WireMapping.Mapped engine = WireMapping.fromWire(received);
      Map<String, MediaRef> receivedFiles = received.media().stream()
          .collect(Collectors.toMap(MediaRef::sha256, Function.identity()));
      ScreenRules again = WireMapping.toWire(engine.screen(), engine.rules(), engine.layout(), engine.campaignLayouts(),
          files(receivedFiles));

      assertThat(again).isEqualTo(sent);
      assertThat(new String(Codec.encode(again), StandardCharsets.UTF_8))
          .isEqualTo(new String(Codec.encode(sent), StandardCharsets.UTF_8));
    });
  }

  private static WireMapping.MediaFiles files(Map<String, MediaRef> bySha) {
    return media -> bySha.get(media.id());
  }

  /** As on the real wire: inside a schedule message, through the protocol's codec and back. */
  private static ScreenRules overTheWire(ScreenRules rules) {
    ScheduleMessage message = new ScheduleMessage(Header.now(Instant.parse("2026-03-01T00:00:00Z")),
        rules.profile().screenId(), 1L, rules);
    return Codec.decode(Codec.encode(message), ScheduleMessage.class).rules();
  }

  private static ScreenRules withNamesAndAnUnusedItem(ScreenRules rules) {
    ScreenProfile p = rules.profile();
    List<ItemSpec> items = new ArrayList<>(rules.items());
    items.add(new ItemSpec("unused-item", "Named by no playlist", List.of(VariantSpec.text("vi", "Không dùng", 5))));
    return new ScreenRules(p.forScreen(p.screenId(), "Màn hình cổng B", "Cửa khẩu Hữu Nghị"), items,
        rules.campaigns(), rules.defaultPlaylist(), rules.defaultPolicy(), rules.alerts(), rules.layout(),
        rules.campaignLayouts());
  }

  private interface Property {
    void check(RandomModel model);
  }

  private static void forEachCase(String name, Property property) {
    System.out.println("WireMappingRoundTripTest " + name + ": " + CASES + " cases from seed " + SEED
        + " (rerun with -Dgatecast.wire.seed=" + SEED + ")");
    for (int i = 0; i < CASES; i++) {
      long seed = SEED + i;
      RandomModel model = new RandomModel(seed);
      try {
        property.check(model);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(name + " fails for case " + i + " of seed " + SEED + "; rerun it with -Dgatecast.wire.seed="
            + seed + " -Dgatecast.wire.cases=1\nscreen: " + model.screen + "\nrules: " + model.rules, e);
      }
    }
  }
}
