package io.gatecast.schedules.layout;

import io.gatecast.schedules.model.InvalidModelException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A layout's regions, at most one per role; a layout without MAIN gets MAIN playing the programme. */
public record Layout(String id, List<Region> regions) {
  public Layout {
    if (id == null || id.isBlank()) {
      throw new InvalidModelException("id", "is required");
    }
    if (regions == null) {
      throw new InvalidModelException("regions", "is required");
    }
    Set<RegionRole> seen = EnumSet.noneOf(RegionRole.class);
    for (int i = 0; i < regions.size(); i++) {
      if (!seen.add(regions.get(i).role())) {
        throw new InvalidModelException("regions[" + i + "].role", "repeats " + regions.get(i).role());
      }
    }
    List<Region> all = new ArrayList<>();
    if (!seen.contains(RegionRole.MAIN)) {
      all.add(Region.programme());
    }
    all.addAll(regions);
    regions = List.copyOf(all);
  }

  public Region main() {
    return region(RegionRole.MAIN).orElseThrow();
  }

  public Optional<Region> region(RegionRole role) {
    return regions.stream().filter(r -> r.role() == role).findFirst();
  }
}
