package io.gatecast.schedules;

import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.MediaKind;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.model.Targets;
import io.gatecast.schedules.model.Variant;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Small builders that keep the tests about behaviour, not construction. */
final class Fixtures {
  static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private Fixtures() {}

  /** An image item with the same duration in every given language. */
  static ContentItem item(String id, int seconds, String... languages) {
    List<Variant> variants = Arrays.stream(languages)
        .map(l -> Variant.media(l, "sha256-" + id + "-" + l, MediaKind.IMAGE, seconds))
        .toList();
    return new ContentItem(id, "Title " + id, variants);
  }

  static Playlist playlist(String id, ContentItem... items) {
    return Playlist.of(id, items);
  }

  static Screen screen(String id, String cluster, ZoneId zone, String... languages) {
    return new Screen(id, cluster, Set.of("g-" + cluster), Set.of("hall"), zone, List.of(languages));
  }

  static Screen hallScreen() {
    return screen("lc-hall-a", "lao-cai-intl", HCM, "vi", "zh-Hans", "en");
  }

  static Campaign.Builder campaign(String id, String cluster, LocalDateTime from, LocalDateTime to) {
    return Campaign.builder(id)
        .name("Campaign " + id)
        .targets(Targets.clusters(cluster))
        .window(from, to)
        .playlist(playlist("pl-" + id, item(id + "-1", 10, "vi", "zh-Hans", "en")));
  }

  static Instant at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }
}
