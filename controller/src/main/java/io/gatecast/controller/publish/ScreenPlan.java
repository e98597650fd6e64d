package io.gatecast.controller.publish;

import io.gatecast.controller.media.Media;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.wire.ScreenLayout;
import io.gatecast.schedules.wire.WireMapping;
import java.util.Map;
import java.util.Set;

/**
 * One screen's rules in the engine's model, with the stored files they name (by SHA-256): what
 * the preview asks the engine about, and what {@link #toWire} turns into the screen's message.
 * {@code withheld}: items its playlists or its layout name that are not approved, hence left out.
 * {@code layout}: the screen's layout with only approved items in it (null: full screen).
 * {@code campaignLayouts}: the layouts its campaigns bring for their time, by campaign id, approved
 * items only (empty for a screen with its own layout: its override wins).
 */
public record ScreenPlan(Screen screen, Rules rules, Map<String, Media> files, Set<String> withheld,
    ScreenLayout layout, Map<String, ScreenLayout> campaignLayouts) {
  public ScreenPlan {
    files = Map.copyOf(files);
    withheld = Set.copyOf(withheld);
    campaignLayouts = campaignLayouts == null ? Map.of() : Map.copyOf(campaignLayouts);
  }

  public ScreenPlan(Screen screen, Rules rules, Map<String, Media> files, Set<String> withheld, ScreenLayout layout) {
    this(screen, rules, files, withheld, layout, Map.of());
  }

  public ScreenPlan(Screen screen, Rules rules, Map<String, Media> files, Set<String> withheld) {
    this(screen, rules, files, withheld, null, Map.of());
  }

  /**
   * The screen's rules on the wire ({@link WireMapping#toWire}), each file named by its address,
   * type and size.
   *
   * @param mediaBaseUrl where agents download media, e.g. {@code http://10.0.0.5:8080/media/}
   */
  public ScreenRules toWire(String mediaBaseUrl) {
    return WireMapping.toWire(screen, rules, layout, campaignLayouts, media -> {
      Media file = files.get(media.id());
      return file == null ? null
          : new MediaRef(file.sha256(), mediaBaseUrl + file.sha256(), file.mimeType(), file.sizeBytes());
    });
  }
}
