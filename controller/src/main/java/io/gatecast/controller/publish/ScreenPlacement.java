package io.gatecast.controller.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Placement;
import io.gatecast.protocol.rules.ScreenRules;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Where a screen is placed in its gate's schedule (issue 21, docs/proposals/cluster-schedules.md): the
 * gate, the profile, and the names the screen plays it under. Its JSON, {@code {"placement": {...}}},
 * is what {@code published_rules} holds for a placed screen (a whole schedule's rules otherwise): what a
 * publish compares to tell whether the screen needs a new placement, and what a re-sign sends again.
 */
public record ScreenPlacement(String clusterId, String profileId, String screenName, String gateName) {
  private static final String MEMBER = "placement";

  /**
   * The JSON kept in {@code published_rules}. Written straight, not through a tree: a publish writes one for
   * every placed screen to compare with what it holds (the same text either way; ScreenPlacementTest).
   */
  String json() {
    try {
      return Codec.mapper().writeValueAsString(Map.of(MEMBER, this));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e); // four strings always write
    }
  }

  /** Whether a published JSON holds a placement (not a whole schedule's rules), told without reading it. */
  static boolean isPlacement(String published) {
    return published != null && published.startsWith("{\"" + MEMBER + "\"");
  }

  /** The placement message of version {@code version} for {@code screenId}. */
  Placement message(Header header, String screenId, long version) {
    return new Placement(header, screenId, version, clusterId, profileId, screenName, gateName);
  }

  /** This screen's rules in {@code profiles} (its gate's), or empty when the gate holds no such profile. */
  public Optional<ScreenRules> rulesIn(Map<String, ScreenRules> profiles, String screenId) {
    ScreenRules profile = profiles.get(profileId);
    return profile == null ? Optional.empty() : Optional.of(profile.forScreen(screenId, screenName, gateName));
  }

  /** The placement a published JSON holds; empty for a whole schedule's rules. */
  public static Optional<ScreenPlacement> of(String published) {
    if (!isPlacement(published)) {
      return Optional.empty();
    }
    try {
      JsonNode node = Codec.mapper().readTree(published).get(MEMBER);
      return Optional.of(Codec.mapper().treeToValue(node, ScreenPlacement.class));
    } catch (IOException e) {
      throw new IllegalStateException("published_rules holds a placement that is not one: " + published, e);
    }
  }

  /** A gate's recorded profiles JSON (a cluster schedule's {@code profiles}) read back. */
  public static Map<String, ScreenRules> profiles(String json) {
    try {
      return Codec.mapper().readValue(json,
          new com.fasterxml.jackson.core.type.TypeReference<java.util.TreeMap<String, ScreenRules>>() {});
    } catch (IOException e) {
      throw new IllegalStateException("a recorded cluster schedule's profiles are not readable", e);
    }
  }

  /** The JSON of a gate's profiles, as recorded and compared (sorted by profile id). */
  static String profilesJson(java.util.SortedMap<String, ScreenRules> profiles) {
    try {
      return Codec.mapper().writeValueAsString(profiles);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
