package io.gatecast.agent;

import io.gatecast.protocol.Header;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.ScheduleMessage;
import io.gatecast.protocol.rules.AlertSpec;
import io.gatecast.protocol.rules.CampaignSpec;
import io.gatecast.protocol.rules.EntrySpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.PlaylistSpec;
import io.gatecast.protocol.rules.ScreenProfile;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.protocol.rules.VariantSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Schedule messages as the controller would build them, for the agent's tests. */
public final class TestRules {
  public static final String ZONE = "Asia/Ho_Chi_Minh";
  public static final String CLUSTER = "lao-cai-intl";

  private TestRules() {}

  public static ScreenProfile profile(String screenId, String... languages) {
    return new ScreenProfile(screenId, CLUSTER, List.of(), List.of(), ZONE, List.of(languages));
  }

  /** The skeleton's shape: a default playlist of {@code items}, looping all day, in Vietnamese. */
  public static ScheduleMessage schedule(String screenId, long version, ItemSpec... items) {
    return schedule(version, new ScreenRules(profile(screenId, "vi"), List.of(items), List.of(),
        playlist("default", items), null, List.of()));
  }

  public static ScheduleMessage schedule(long version, ScreenRules rules) {
    return new ScheduleMessage(Header.now(Instant.now()), rules.profile().screenId(), version, rules);
  }

  public static ScreenRules rules(ScreenProfile profile, List<ItemSpec> items, List<CampaignSpec> campaigns,
      PlaylistSpec defaultPlaylist, List<AlertSpec> alerts) {
    return new ScreenRules(profile, items, campaigns, defaultPlaylist, null, alerts);
  }

  public static PlaylistSpec playlist(String id, ItemSpec... items) {
    return new PlaylistSpec(id, Arrays.stream(items).map(i -> EntrySpec.of(i.id())).toList());
  }

  /** An item with one media variant in Vietnamese. */
  public static ItemSpec item(String contentId, String title, String url, byte[] bytes, String mimeType, int seconds) {
    return new ItemSpec(contentId, title, List.of(VariantSpec.media("vi", media(url, bytes, mimeType), seconds)));
  }

  public static MediaRef media(String url, byte[] bytes, String mimeType) {
    return new MediaRef(MediaServer.sha256(bytes), url, mimeType, (long) bytes.length);
  }

  /** The file of an item's first variant. */
  public static MediaRef mediaOf(ItemSpec item) {
    return item.variants().get(0).media();
  }
}
