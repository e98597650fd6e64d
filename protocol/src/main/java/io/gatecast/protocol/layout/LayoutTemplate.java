package io.gatecast.protocol.layout;

import io.gatecast.protocol.Check;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A named arrangement of regions for one screen shape: at most one region per role, exactly one
 * MAIN, no two regions overlapping. The built-in ones are in {@link Templates}.
 */
public record LayoutTemplate(String id, ScreenShape shape, List<TemplateRegion> regions) {
  public LayoutTemplate {
    Check.id(id, "id");
    Check.required(shape, "shape");
    regions = Check.list(regions, "regions", RegionRole.values().length);
    Set<RegionRole> seen = EnumSet.noneOf(RegionRole.class);
    for (int i = 0; i < regions.size(); i++) {
      if (!seen.add(regions.get(i).role())) {
        throw new IllegalArgumentException("regions[" + i + "].role repeats " + regions.get(i).role());
      }
      for (int j = 0; j < i; j++) {
        if (regions.get(i).rect().overlaps(regions.get(j).rect())) {
          throw new IllegalArgumentException("regions[" + i + "] overlaps regions[" + j + "] in template " + id);
        }
      }
    }
    if (!seen.contains(RegionRole.MAIN)) {
      throw new IllegalArgumentException("regions of template " + id + " must include a MAIN region");
    }
  }

  public Optional<TemplateRegion> region(RegionRole role) {
    return regions.stream().filter(r -> r.role() == role).findFirst();
  }

  public Set<RegionRole> roles() {
    Set<RegionRole> roles = EnumSet.noneOf(RegionRole.class);
    regions.forEach(r -> roles.add(r.role()));
    return roles;
  }
}
