package io.gatecast.controller.layouts;

import io.gatecast.controller.content.Content;
import io.gatecast.controller.content.ContentRepository;
import io.gatecast.controller.content.ContentStatus;
import io.gatecast.controller.content.ContentVariant;
import io.gatecast.controller.media.Media;
import io.gatecast.controller.media.MediaRepository;
import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.organisation.ClusterRepository;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.store.Database;
import io.gatecast.protocol.layout.LayoutSpec;
import io.gatecast.protocol.layout.RegionSpec;
import io.gatecast.schedules.layout.view.LayoutView;
import io.gatecast.schedules.layout.view.LayoutViewer;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.model.Variant;
import io.gatecast.schedules.wire.ScreenLayout;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The console's layout preview (issue 23): a draft layout at a gate, in one of the gate's languages,
 * computed by the engine the agent's page uses ({@link LayoutViewer}), so the preview shows the
 * lunar date, the real QR code and the gate's facts exactly as a screen will. Unlike a screen, it
 * shows items still in review (the answer lists them as {@code pending}): an operator builds a layout
 * while its texts are reviewed, and the screens show them only once approved.
 */
public final class LayoutPreviews {
  /** The view, and the items it shows that are not approved yet (a screen would leave them out). */
  public record Preview(LayoutView view, List<String> pending) {}

  /** Where a preview reads the gate, its facts, the items and their files. */
  public record Sources(ClusterRepository clusters, LayoutRepository layouts, ContentRepository content,
      MediaRepository media) {}

  private final Database db;
  private final Clock clock;
  private final Sources sources;

  public LayoutPreviews(Database db, Clock clock, Sources sources) {
    this.db = db;
    this.clock = clock;
    this.sources = sources;
  }

  /** {@code language} null: the gate's first; {@code at} null: now. */
  public Future<Preview> preview(LayoutSpec draft, String gateId, String language, Instant at) {
    return db.transaction(c -> {
      Cluster gate = sources.clusters().find(c, gateId).orElseThrow(() -> Refusal.notFound("LAYOUT_TARGET_UNKNOWN",
          "no gate " + gateId, Map.of("field", "gate", "value", String.valueOf(gateId))));
      List<String> languages = gate.languages().isEmpty() ? List.of("vi") : gate.languages();
      String shown = language == null ? languages.get(0) : language;
      if (!languages.contains(shown)) {
        throw Refusal.badInput("FIELD_INVALID_CHOICE", "language " + shown + " is not one of the gate's " + languages,
            Map.of("field", "language", "value", shown, "allowed", String.join(", ", languages)));
      }
      LayoutSpec spec = withFacts(draft, sources.layouts().facts(c, gateId));
      List<String> pending = new ArrayList<>();
      Map<String, String> media = new LinkedHashMap<>();
      Map<String, ContentItem> items = items(c, spec, pending, media);
      ZoneId zone = ZoneId.of(gate.zone());
      Screen screen = new Screen("preview", gate.id(), Set.of(), Set.of(), zone, languages);
      LayoutViewer viewer = new LayoutViewer(new ScreenLayout(spec, items), Rules.of(List.of(), null), screen, media);
      return new Preview(viewer.at(at == null ? clock.instant() : at, shown, null), pending);
    });
  }

  /** The gate's facts in place of the layout's own opening hours and clock zones, as on its screens. */
  private static LayoutSpec withFacts(LayoutSpec spec, GateFacts facts) {
    List<RegionSpec> regions = new ArrayList<>();
    for (RegionSpec r : spec.regions()) {
      regions.add(r.widgets().isEmpty() ? r : new RegionSpec(r.role(), null, r.widgets().stream().map(facts::applyTo).toList()));
    }
    return new LayoutSpec(spec.id(), spec.template(), spec.shape(), regions);
  }

  private Map<String, ContentItem> items(Connection c, LayoutSpec spec, List<String> pending, Map<String, String> media)
      throws SQLException {
    Map<String, ContentItem> items = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String id : spec.itemIds()) {
      if (items.containsKey(id) || unknown.contains(id)) {
        continue;
      }
      Content found = sources.content().find(c, id).filter(i -> i.status() != ContentStatus.RETIRED).orElse(null);
      if (found == null) {
        unknown.add(id);
        continue;
      }
      if (found.status() != ContentStatus.APPROVED) {
        pending.add(id);
      }
      items.put(id, item(c, found, media));
    }
    if (!unknown.isEmpty()) {
      throw Refusal.badInput("LAYOUT_ITEM_UNKNOWN", "the layout names content items that do not exist: " + unknown,
          Map.of("field", "regions", "value", String.join(",", unknown)));
    }
    return items;
  }

  private ContentItem item(Connection c, Content content, Map<String, String> media) throws SQLException {
    List<Variant> variants = new ArrayList<>();
    for (ContentVariant v : content.variants()) {
      if (v.isText()) {
        variants.add(Variant.text(v.language(), v.text(), v.seconds()));
        continue;
      }
      String type = sources.media().find(c, v.mediaSha256()).map(Media::mimeType).orElse("image/png");
      media.put(v.mediaSha256(), type);
      variants.add(Variant.media(v.language(), v.mediaSha256(), Media.kindOf(type), v.seconds()));
    }
    return new ContentItem(content.id(), content.title(), variants);
  }
}
