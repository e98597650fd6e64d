package io.gatecast.controller.organisation.api;

import io.gatecast.controller.organisation.Cluster;
import io.gatecast.controller.screens.ScreenSetup;
import io.gatecast.protocol.Check;
import io.gatecast.protocol.FieldError;
import io.gatecast.protocol.Limits;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The JSON bodies of the organisation API (clusters, screens, groups); each checks itself and names the field. */
public final class OrganisationRequests {
  private static final Pattern RESOLUTION = Pattern.compile("[1-9][0-9]{1,4}x[1-9][0-9]{1,4}");
  private static final Set<String> ORIENTATIONS = Set.of("LANDSCAPE", "PORTRAIT");
  private static final int MAX_TAGS = 100;

  private OrganisationRequests() {}

  /** {@code POST /api/v1/clusters} and {@code PUT /api/v1/clusters/{id}} (where {@code id} may be left out). */
  public record ClusterBody(String id, String name, String province, String zone, List<String> languages,
      String defaultPlaylistId) {
    public ClusterBody {
      if (defaultPlaylistId != null) {
        Check.id(defaultPlaylistId, "defaultPlaylistId");
      }
      if (id != null) {
        Check.id(id, "id");
      }
      Check.humanText(name, "name", Limits.MAX_TEXT_LENGTH);
      Check.humanText(province, "province", Limits.MAX_TEXT_LENGTH);
      checkZone(zone, "zone");
      languages = checkLanguages(Check.required(languages, "languages"), "languages");
    }

    public Cluster toCluster(String clusterId) {
      return new Cluster(clusterId, name, province, zone, languages, defaultPlaylistId);
    }
  }

  /**
   * {@code POST /api/v1/screens} and {@code PUT /api/v1/screens/{id}}. Only {@code id} (on create)
   * is required: a screen without {@code clusterId} is in the default cluster, without
   * {@code languages} it shows its cluster's.
   */
  public record ScreenBody(String id, String name, String clusterId, String location, String resolution, String orientation,
      List<String> languages, List<String> tags, List<String> groups) {
    public ScreenBody {
      if (id != null) {
        Check.id(id, "id");
      }
      if (name != null) {
        Check.humanText(name, "name", Limits.MAX_TEXT_LENGTH);
      }
      clusterId = clusterId == null ? Cluster.DEFAULT_ID : Check.id(clusterId, "clusterId");
      if (location != null) {
        Check.humanText(location, "location", Limits.MAX_TEXT_LENGTH);
      }
      if (resolution != null && !RESOLUTION.matcher(resolution).matches()) {
        throw FieldError.of("FIELD_INVALID_RESOLUTION", "resolution",
            "resolution must be <width>x<height> in pixels, e.g. 1920x1080, got '" + abbreviate(resolution) + "'",
            "value", abbreviate(resolution));
      }
      if (orientation != null && !ORIENTATIONS.contains(orientation)) {
        throw FieldError.of("FIELD_INVALID_CHOICE", "orientation",
            "orientation must be LANDSCAPE or PORTRAIT, got '" + abbreviate(orientation) + "'",
            "value", abbreviate(orientation), "allowed", List.of("LANDSCAPE", "PORTRAIT"));
      }
      if (languages != null) {
        languages = checkLanguages(languages, "languages");
      }
      tags = ids(tags, "tags", MAX_TAGS);
      groups = ids(groups, "groups", MAX_TAGS);
    }

    public ScreenSetup toSetup() {
      return new ScreenSetup(clusterId, location, resolution, orientation, languages, tags, null);
    }
  }

  /** {@code POST /api/v1/groups} and {@code PUT /api/v1/groups/{id}}. */
  public record GroupBody(String id, String name, List<String> screenIds) {
    public GroupBody {
      if (id != null) {
        Check.id(id, "id");
      }
      Check.humanText(name, "name", Limits.MAX_TEXT_LENGTH);
      screenIds = ids(screenIds, "screenIds", Limits.MAX_NAMES);
    }
  }

  /** {@code POST /api/v1/enrollments/{code}/assign}: which screen the waiting agent becomes. */
  public record Assign(String screenId, String name, String clusterId) {
    public Assign {
      Check.id(screenId, "screenId");
      name = name == null ? screenId : Check.humanText(name, "name", Limits.MAX_TEXT_LENGTH);
      Check.id(clusterId, "clusterId");
    }
  }

  public static void checkZone(String zone, String field) {
    Check.humanText(zone, field, 64);
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw FieldError.of("FIELD_INVALID_ZONE", field,
          field + " must be an IANA time zone such as Asia/Ho_Chi_Minh, got '" + abbreviate(zone) + "'",
          "value", abbreviate(zone));
    }
  }

  /** At least one BCP 47 tag, none repeated, order kept (it is the order of preference). */
  public static List<String> checkLanguages(List<String> languages, String field) {
    List<String> checked = Check.list(languages, field, Limits.MAX_LANGUAGES);
    if (checked.isEmpty()) {
      throw FieldError.of("LIST_EMPTY", field, field + " must name at least one language");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < checked.size(); i++) {
      Check.languageTag(checked.get(i), field + "[" + i + "]");
      if (!seen.add(checked.get(i))) {
        throw FieldError.of("LANGUAGE_REPEATED", field + "[" + i + "]", field + "[" + i + "] repeats " + checked.get(i),
            "value", checked.get(i));
      }
    }
    return checked;
  }

  /** An optional list of ids, de-duplicated in order. */
  public static List<String> ids(List<String> values, String field, int max) {
    List<String> checked = Check.optionalList(values, field, max);
    for (int i = 0; i < checked.size(); i++) {
      Check.id(checked.get(i), field + "[" + i + "]");
    }
    return List.copyOf(new LinkedHashSet<>(checked));
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
