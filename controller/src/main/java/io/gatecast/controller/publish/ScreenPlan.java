package io.gatecast.controller.publish;

import io.gatecast.controller.media.Media;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import java.util.Map;
import java.util.Set;

/**
 * One screen's rules in the engine's model, with the stored files they name (by SHA-256): what
 * the preview asks the engine about, and what {@link WireRules} turns into the screen's message.
 * {@code withheld}: items its playlists name that are not approved, hence left out.
 */
public record ScreenPlan(Screen screen, Rules rules, Map<String, Media> files, Set<String> withheld) {
  public ScreenPlan {
    files = Map.copyOf(files);
    withheld = Set.copyOf(withheld);
  }
}
