package io.gatecast.controller.publish;

import io.gatecast.controller.store.Media;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import java.util.Map;

/**
 * One screen's rules in the engine's model, with the stored files they name (by SHA-256): what
 * the preview asks the engine about, and what {@link WireRules} turns into the screen's message.
 */
public record ScreenPlan(Screen screen, Rules rules, Map<String, Media> files) {}
