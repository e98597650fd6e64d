package io.gatecast.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gatecast.schedules.layout.view.LayoutView;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.ScheduleAck.Outcome;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.RegionRole;
import io.gatecast.protocol.layout.RegionSpec;
import io.gatecast.protocol.layout.ScreenShape;
import io.gatecast.protocol.layout.Templates;
import io.gatecast.protocol.layout.TickerSpec;
import io.gatecast.protocol.layout.WidgetSpec;
import io.gatecast.protocol.rules.CampaignSpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.LanguagePolicySpec;
import io.gatecast.protocol.rules.PlaylistSpec;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.protocol.rules.TargetsSpec;
import io.gatecast.protocol.rules.VariantSpec;
import io.gatecast.testkit.Chromium;
import io.gatecast.testkit.IntegrationTest;
import io.gatecast.testkit.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A campaign's own layout on a real agent's page in real Chromium (issue 23): the gate's layout
 * (main + ticker) until the fair's campaign goes on air at 09:00, the fair's layout (main + side
 * panel + ticker) for its two minutes, and the gate's again after. The agent is restarted with no
 * link to the broker in the middle of the fair: from its cached signed rules alone, the page shows
 * the fair's layout at once. Screenshots under {@code target/screenshots/campaign-layout-*.png}.
 */
@IntegrationTest
class CampaignLayoutScreenTest {
  private static final String SCREEN = "lc-hall-1";
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final TestKeys KEYS = TestKeys.generate();
  /** 08:59:50 in Hanoi; the fair's campaign runs 09:00–09:02 local. */
  private static final Instant START = Instant.parse("2026-03-15T01:59:50Z");
  private static final String GATE_LINE = "Xin xuất trình hộ chiếu";
  private static final String FAIR_LINE = "Hội chợ thương mại mở cửa đến 17 giờ";
  private static final String FAIR_SIDE = "Gian hàng số 12";

  @TempDir static Path profile;
  private static ChromeDriver driver;
  @TempDir Path dataDir;
  @RegisterExtension final AgentWorld world = new AgentWorld(SCREEN, KEYS);
  private final MovableClock clock = new MovableClock(START);

  @BeforeAll
  static void startBrowser() {
    driver = Chromium.driver(profile);
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  private static ItemSpec text(String id, String vi) {
    return new ItemSpec(id, id, List.of(VariantSpec.text("vi", vi, 10)));
  }

  private static ScreenRules rules() {
    LayoutSpec gate = new LayoutSpec("gate", Templates.MAIN_TICKER, ScreenShape.LANDSCAPE_16_9, List.of(
        RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.ticker(new TickerSpec(List.of("gate-line"))))));
    LayoutSpec fair = new LayoutSpec("fair-layout", Templates.MAIN_SIDE_TICKER, ScreenShape.LANDSCAPE_16_9, List.of(
        RegionSpec.playlist(RegionRole.SIDE, TestRules.playlist("fair-side", text("fair-side", FAIR_SIDE))),
        RegionSpec.widgets(RegionRole.TICKER, WidgetSpec.ticker(new TickerSpec(List.of("fair-line"))))));
    ItemSpec welcome = text("welcome", "Chào mừng đến Cửa khẩu quốc tế Lào Cai");
    ItemSpec poster = text("fair-poster", "Hội chợ thương mại Việt - Trung");
    CampaignSpec campaign = new CampaignSpec("fair", "Trade fair", TestRules.playlist("fair", poster),
        TargetsSpec.clusters(TestRules.CLUSTER), LocalDateTime.parse("2026-03-15T09:00"),
        LocalDateTime.parse("2026-03-15T09:02"), null, null, 10, 1, LanguagePolicySpec.rotate());
    return new ScreenRules(TestRules.profile(SCREEN, "vi"),
        List.of(welcome, poster, text("gate-line", GATE_LINE), text("fair-side", FAIR_SIDE), text("fair-line", FAIR_LINE)),
        List.of(campaign), TestRules.playlist("default", welcome), null, List.of(), gate, Map.of("fair", fair));
  }

  /** Each region's role and text, as drawn. */
  private static String drawn() {
    return String.valueOf(driver.executeScript("return Array.from(document.querySelectorAll('#layout .gc-region')).map("
        + "r => r.dataset.role + ':' + r.textContent.replace(/\\s+/g, ' ').trim()).join(' | ')"));
  }

  private static void awaitDrawn(String... parts) {
    await().atMost(DEADLINE).until(() -> {
      String now = drawn();
      for (String part : parts) {
        if (!now.contains(part)) {
          return false;
        }
      }
      return true;
    });
  }

  private static List<String> roles(LayoutView view) {
    return view.regions().stream().map(LayoutView.RegionView::role).toList();
  }

  @Test
  void thePageSwitchesToTheCampaignsLayoutForItsSlotsAndBackAndAnOfflineRestartShowsItAtOnce() throws Exception {
    LinkCutter link = world.closing(new LinkCutter(world.broker().url()));
    PlayerAgent agent = world.start(world.config(link.url(), dataDir), clock);
    world.controller().publishRetained(new ScheduleMessage(Header.now(clock.instant()), SCREEN, 1L, rules()));
    await().atMost(DEADLINE).until(() -> world.controller().acks.stream()
        .anyMatch(a -> a.version() == 1 && a.outcome() == Outcome.APPLIED));

    // 08:59:50: the gate's layout, main and ticker, no side panel.
    driver.get("http://127.0.0.1:" + agent.pagePort() + "/");
    awaitDrawn("MAIN:Chào mừng", "TICKER:" + GATE_LINE);
    assertThat(drawn()).doesNotContain("SIDE:", FAIR_LINE);
    Chromium.screenshot(driver, "campaign-layout-before");

    // 09:00:05: the fair is on air, and its layout with it: every region at once.
    clock.set(START.plusSeconds(15));
    awaitDrawn("SIDE:" + FAIR_SIDE);
    assertThat(drawn()).isEqualTo("MAIN:Hội chợ thương mại Việt - Trung | SIDE:" + FAIR_SIDE + " | TICKER:" + FAIR_LINE);
    Chromium.screenshot(driver, "campaign-layout-during");

    // Mid-fair, the link goes and the agent restarts: its cached signed rules alone bring the fair's layout back.
    link.cut();
    await().atMost(DEADLINE).until(() -> !agent.isConnected());
    world.closeNow(agent);
    clock.set(START.plusSeconds(55)); // 09:00:45
    PlayerAgent restarted = world.start(world.config(link.url(), dataDir), clock);
    await().atMost(DEADLINE).until(() -> restarted.page().now().layout() != null);
    assertThat(roles(restarted.page().now().layout())).as("the first layout served after the restart")
        .containsExactly("MAIN", "SIDE", "TICKER");
    assertThat(restarted.isConnected()).isFalse();
    driver.get("http://127.0.0.1:" + restarted.pagePort() + "/");
    awaitDrawn("SIDE:" + FAIR_SIDE, "TICKER:" + FAIR_LINE, "MAIN:Hội chợ");
    Chromium.screenshot(driver, "campaign-layout-after-offline-restart");

    // 09:02:05: the fair is over; the gate's layout is back, still offline.
    clock.set(START.plusSeconds(135));
    awaitDrawn("MAIN:Chào mừng", "TICKER:" + GATE_LINE);
    assertThat(drawn()).doesNotContain("SIDE:", FAIR_LINE);
    Chromium.screenshot(driver, "campaign-layout-after");
  }
}
