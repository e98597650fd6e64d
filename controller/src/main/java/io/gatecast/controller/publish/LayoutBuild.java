package io.gatecast.controller.publish;

import io.gatecast.controller.layouts.GateFacts;
import io.gatecast.protocol.layout.ClockSpec;
import io.gatecast.protocol.layout.ClockZoneSpec;
import io.gatecast.protocol.layout.CountdownSpec;
import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.QrSpec;
import io.gatecast.protocol.layout.RegionRole;
import io.gatecast.protocol.layout.RegionSpec;
import io.gatecast.protocol.layout.TickerSpec;
import io.gatecast.protocol.layout.WidgetSpec;
import io.gatecast.protocol.rules.EntrySpec;
import io.gatecast.protocol.rules.PlaylistSpec;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.InvalidModelException;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.PlaylistEntry;
import io.gatecast.schedules.model.Variant;
import io.gatecast.schedules.wire.ScreenLayout;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stored layout made fit for one screen's rules, the way {@link RulesBuilder} makes playlists fit:
 * <ul>
 *   <li>the gate's facts (opening hours, clock zones) replace the layout's own settings of those widgets;</li>
 *   <li>a reference to an item that is not approved is dropped and listed in {@code withheld}: a
 *       ticker line, a clock's place name, a QR code's URL, a countdown's title, a playlist entry.
 *       A ticker with no approved line left, a QR code or countdown without its item, go;</li>
 *   <li>an approved item that cannot serve (media where text is needed, a QR text that is not an
 *       http(s) URL in every language) goes too, so the signed rules are never refused for it;</li>
 *   <li>a band left with nothing shows the built-in clock (the screen's zone) and date, never black;
 *       a MAIN left with nothing plays the screen's programme.</li>
 * </ul>
 */
final class LayoutBuild {
  /** An approved item as the engine knows it, and whether its variants are text. */
  record Approved(ContentItem item, boolean text) {}

  /** The approved items among some content ids (each read once per session). */
  @FunctionalInterface
  interface ApprovedItems {
    Map<String, Approved> of(List<String> ids) throws SQLException;
  }

  private final ApprovedItems approved;
  private final Set<String> withheld;
  private final Map<String, ContentItem> items = new LinkedHashMap<>();

  LayoutBuild(ApprovedItems approved, Set<String> withheld) {
    this.approved = approved;
    this.withheld = withheld;
  }

  ScreenLayout build(LayoutSpec spec, GateFacts facts, ZoneId zone) throws SQLException {
    List<RegionSpec> regions = new ArrayList<>();
    for (RegionSpec r : spec.regions()) {
      RegionSpec kept = region(r, facts);
      if (kept == null) {
        kept = r.role() == RegionRole.MAIN ? RegionSpec.programme() : fallback(r.role(), zone);
      }
      regions.add(kept);
    }
    return new ScreenLayout(new LayoutSpec(spec.id(), spec.template(), spec.shape(), regions), items);
  }

  /** The region with only what may go on air; null when nothing is left. */
  private RegionSpec region(RegionSpec r, GateFacts facts) throws SQLException {
    if (r.playsProgramme()) {
      return r;
    }
    if (r.playlist() != null) {
      PlaylistSpec playlist = playlist(r.playlist());
      return playlist == null ? null : RegionSpec.playlist(r.role(), playlist);
    }
    List<WidgetSpec> kept = new ArrayList<>();
    for (WidgetSpec w : r.widgets()) {
      WidgetSpec widget = widget(facts.applyTo(w));
      if (widget != null) {
        kept.add(widget);
      }
    }
    return kept.isEmpty() ? null : new RegionSpec(r.role(), null, kept);
  }

  private PlaylistSpec playlist(PlaylistSpec playlist) throws SQLException {
    Map<String, Approved> found = approved.of(playlist.entries().stream().map(EntrySpec::itemId).toList());
    List<EntrySpec> entries = new ArrayList<>();
    List<PlaylistEntry> engine = new ArrayList<>();
    for (EntrySpec e : playlist.entries()) {
      Approved item = found.get(e.itemId());
      if (item == null) {
        withheld.add(e.itemId());
        continue;
      }
      entries.add(e);
      engine.add(new PlaylistEntry(item.item(), e.weight(), e.position()));
    }
    if (entries.isEmpty()) {
      return null;
    }
    try {
      new Playlist(playlist.id(), engine); // what the agent's engine will build from it
    } catch (InvalidModelException e) {
      // A pinned position beyond the cycle that remains once held-back items are gone: play them unpinned.
      entries = entries.stream().map(x -> new EntrySpec(x.itemId(), x.weight(), null)).toList();
    }
    for (EntrySpec e : entries) {
      items.putIfAbsent(e.itemId(), found.get(e.itemId()).item());
    }
    return new PlaylistSpec(playlist.id(), entries);
  }

  /** The widget with its unapproved or unfit texts left out; null when it has nothing left to show. */
  private WidgetSpec widget(WidgetSpec w) throws SQLException {
    Map<String, Approved> found = approved.of(w.itemRefs().stream().map(WidgetSpec.ItemRef::itemId).toList());
    return switch (w.type()) {
      case CLOCK -> {
        List<ClockZoneSpec> zones = new ArrayList<>();
        for (ClockZoneSpec z : w.clock().zones()) {
          // A place name not approved: the clock stays, with the zone's own label.
          zones.add(new ClockZoneSpec(z.zone(), z.labelItemId() == null ? null : text(z.labelItemId(), found, false)));
        }
        yield WidgetSpec.clock(new ClockSpec(zones));
      }
      case TICKER -> {
        List<String> lines = new ArrayList<>();
        for (String id : w.ticker().itemIds()) {
          String kept = text(id, found, false);
          if (kept != null) {
            lines.add(kept);
          }
        }
        yield lines.isEmpty() ? null : WidgetSpec.ticker(new TickerSpec(lines));
      }
      case QR -> text(w.qr().urlItemId(), found, true) == null ? null : w;
      case COUNTDOWN -> text(w.countdown().titleItemId(), found, false) == null ? null
          : WidgetSpec.countdown(new CountdownSpec(w.countdown().titleItemId(), w.countdown().target()));
      default -> w;
    };
  }

  /** The id when the item is approved and fit (text; a URL in every language when {@code url}), else null. */
  private String text(String id, Map<String, Approved> found, boolean url) {
    Approved item = found.get(id);
    if (item == null) {
      withheld.add(id);
      return null;
    }
    if (!item.text()) {
      return null;
    }
    if (url && !item.item().variants().stream().map(Variant::text).allMatch(LayoutSpec::isWebUrl)) {
      return null;
    }
    items.putIfAbsent(id, item.item());
    return id;
  }

  /** What a band shows when nothing approved is left in it: the time where the screen is and the date. */
  private static RegionSpec fallback(RegionRole role, ZoneId zone) {
    try {
      return RegionSpec.widgets(role, WidgetSpec.clock(new ClockSpec(List.of(new ClockZoneSpec(zone.getId(), null)))),
          WidgetSpec.date(true));
    } catch (IllegalArgumentException notIana) { // a zone given as an offset ("+07:00"): the date alone
      return RegionSpec.widgets(role, WidgetSpec.date(true));
    }
  }
}
