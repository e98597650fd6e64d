package io.gatecast.protocol.layout;

import io.gatecast.protocol.Check;
import io.gatecast.protocol.Limits;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.VariantSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A layout: a built-in template for a screen shape and what each of its regions plays. Every
 * region of the template except MAIN must be given (an unfilled band would be black); a missing
 * MAIN plays the screen's programme.
 */
public record LayoutSpec(String id, String template, ScreenShape shape, List<RegionSpec> regions) {
  public LayoutSpec {
    Check.id(id, "id");
    Check.required(shape, "shape");
    Check.id(template, "template");
    LayoutTemplate t = Templates.get(template, shape);
    regions = Check.optionalList(regions, "regions", RegionRole.values().length);
    Set<RegionRole> given = EnumSet.noneOf(RegionRole.class);
    for (int i = 0; i < regions.size(); i++) {
      RegionRole role = regions.get(i).role();
      if (!given.add(role)) {
        throw new IllegalArgumentException("regions[" + i + "].role repeats " + role);
      }
      if (t.region(role).isEmpty()) {
        throw new IllegalArgumentException("regions[" + i + "].role " + role + " is not a region of template "
            + template + " (" + t.roles() + ")");
      }
    }
    for (RegionRole role : t.roles()) {
      if (role != RegionRole.MAIN && !given.contains(role)) {
        throw new IllegalArgumentException("regions must fill the " + role + " region of template " + template);
      }
    }
    if (!given.contains(RegionRole.MAIN)) {
      List<RegionSpec> withMain = new ArrayList<>();
      withMain.add(RegionSpec.programme());
      withMain.addAll(regions);
      regions = List.copyOf(withMain);
    }
  }

  /** The template this layout fills. */
  public LayoutTemplate layoutTemplate() {
    return Templates.get(template, shape);
  }

  public Optional<RegionSpec> region(RegionRole role) {
    return regions.stream().filter(r -> r.role() == role).findFirst();
  }

  /** Every item id the layout shows (playlist entries, widget texts), in order, repeats kept. */
  public List<String> itemIds() {
    List<String> ids = new ArrayList<>();
    for (RegionSpec r : regions) {
      if (r.playlist() != null) {
        r.playlist().entries().forEach(e -> ids.add(e.itemId()));
      }
      r.widgets().forEach(w -> w.itemRefs().forEach(ref -> ids.add(ref.itemId())));
    }
    return ids;
  }

  /**
   * Refuses the layout unless every item it names is among {@code items} — the approved items a
   * screen's rules carry, which is all a rules builder that reads only approved items can put
   * there — and every widget text is a text item, a QR code's in every language an http(s) URL.
   * This is what keeps unapproved words and links off a zoned screen.
   */
  public void requireResolvesIn(Map<String, ItemSpec> items) {
    for (int r = 0; r < regions.size(); r++) {
      RegionSpec region = regions.get(r);
      String at = "regions[" + r + "]";
      if (region.playlist() != null) {
        for (int i = 0; i < region.playlist().entries().size(); i++) {
          String itemId = region.playlist().entries().get(i).itemId();
          if (!items.containsKey(itemId)) {
            throw new IllegalArgumentException(at + ".playlist.entries[" + i + "].itemId " + itemId
                + " names no item in items (only approved items are carried)");
          }
        }
      }
      for (int w = 0; w < region.widgets().size(); w++) {
        for (WidgetSpec.ItemRef ref : region.widgets().get(w).itemRefs()) {
          String field = at + ".widgets[" + w + "]." + ref.field();
          ItemSpec item = items.get(ref.itemId());
          if (item == null) {
            throw new IllegalArgumentException(field + " " + ref.itemId()
                + " names no item in items (only approved items are carried)");
          }
          for (VariantSpec v : item.variants()) {
            if (v.text() == null) {
              throw new IllegalArgumentException(field + " " + ref.itemId() + " must be a text item, it carries media");
            }
            if (ref.url()) {
              requireWebUrl(v.text(), field + " " + ref.itemId() + " (" + v.language() + ")");
            }
          }
        }
      }
    }
  }

  /** Whether a QR code may carry this text: an http(s) URL with a host, within the wire's length. */
  public static boolean isWebUrl(String text) {
    return urlProblem(text) == null;
  }

  private static void requireWebUrl(String text, String field) {
    String problem = urlProblem(text);
    if (problem != null) {
      throw new IllegalArgumentException(field + " " + problem);
    }
  }

  private static String urlProblem(String text) {
    if (text.length() > Limits.MAX_URL_LENGTH) {
      return "is longer than " + Limits.MAX_URL_LENGTH + " characters";
    }
    try {
      URI uri = new URI(text.strip());
      if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          || uri.getHost() == null) {
        return "must be an http(s) URL with a host";
      }
      return null;
    } catch (URISyntaxException e) {
      return "is not a URL (" + e.getReason() + ")";
    }
  }
}
