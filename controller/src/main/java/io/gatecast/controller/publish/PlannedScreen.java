package io.gatecast.controller.publish;

import io.gatecast.controller.screens.RegisteredScreen;
import io.gatecast.protocol.rules.ScreenRules;

/**
 * A screen whose new schedule is to be signed and recorded: its whole rules, or ({@code placed} not
 * null) its placement in its gate's schedule; {@code rulesJson} is what {@code published_rules} keeps.
 */
record PlannedScreen(RegisteredScreen screen, ScreenRules rules, ScreenPlacement placed, String rulesJson) {
  PlannedScreen(RegisteredScreen screen, ScreenRules rules, String rulesJson) {
    this(screen, rules, null, rulesJson);
  }
}
