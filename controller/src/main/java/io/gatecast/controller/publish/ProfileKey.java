package io.gatecast.controller.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatecast.protocol.Codec;
import io.gatecast.schedules.model.Screen;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What makes two screens' rules the same but for the screen's id and names in their profile (set
 * per screen by {@link ScreenPlanner#forScreen}, so names never group screens): screens that share
 * cluster, zone, groups, tags, languages and own playlist get the same campaigns and items. A screen
 * a campaign names by id is its own profile ({@code namedId}); a screen's own layout is part of the
 * key, the gate's default layout follows from the cluster.
 *
 * <p>Recorded with each gate's cluster schedule, by profile id ({@link #toJson}): a publish rebuilds a
 * gate's profiles from them before it reads the fleet (docs/proposals/cluster-schedules.md, "Next").
 */
record ProfileKey(String namedId, String clusterId, ZoneId zone, Set<String> groups, Set<String> tags,
    List<String> languages, List<String> ownPlaylist, String layoutKey) {

  /** The key of a screen with this profile, own playlist and layout; {@code named}: a campaign names it by id. */
  static ProfileKey of(Screen profile, boolean named, List<String> ownPlaylist, String layoutKey) {
    return new ProfileKey(named ? profile.id() : null, profile.clusterId(), profile.zone(), profile.groups(),
        profile.tags(), profile.languages(), ownPlaylist, layoutKey);
  }

  /** A gate's profiles' keys as recorded: a JSON object by profile id, sets sorted (the same keys, the same text). */
  static String toJson(Map<String, ProfileKey> byProfile) {
    ObjectNode all = Codec.mapper().createObjectNode();
    new TreeMap<>(byProfile).forEach((profileId, key) -> {
      ObjectNode one = all.putObject(profileId);
      one.put("namedId", key.namedId());
      one.put("clusterId", key.clusterId());
      one.put("zone", key.zone().getId());
      key.groups().stream().sorted().forEach(one.putArray("groups")::add);
      key.tags().stream().sorted().forEach(one.putArray("tags")::add);
      key.languages().forEach(one.putArray("languages")::add);
      key.ownPlaylist().forEach(one.putArray("ownPlaylist")::add);
      one.put("layoutKey", key.layoutKey());
    });
    return all.toString();
  }

  /**
   * {@link #toJson}'s keys read back, in profile id order.
   *
   * @throws IllegalArgumentException when the text is not such keys (a damaged row): not JSON, not an
   *     object of objects, or a zone that is not one
   */
  static SortedMap<String, ProfileKey> fromJson(String json) {
    JsonNode all;
    try {
      all = Codec.mapper().readTree(json); // not Codec.decode: what the store keeps is not a wire message
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("recorded profile keys are not JSON: " + e.getOriginalMessage(), e);
    }
    if (all == null || !all.isObject()) {
      throw new IllegalArgumentException("recorded profile keys are not a JSON object");
    }
    SortedMap<String, ProfileKey> keys = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : all.properties()) {
      JsonNode one = entry.getValue();
      if (!one.isObject() || !one.path("zone").isTextual()) {
        throw new IllegalArgumentException("the recorded key of profile " + entry.getKey() + " is not a key");
      }
      ZoneId zone;
      try {
        zone = ZoneId.of(one.path("zone").asText());
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException("the recorded key of profile " + entry.getKey() + " has no zone: " + e.getMessage(), e);
      }
      keys.put(entry.getKey(), new ProfileKey(text(one, "namedId"), one.path("clusterId").asText(), zone,
          new TreeSet<>(strings(one, "groups")), new TreeSet<>(strings(one, "tags")), strings(one, "languages"),
          strings(one, "ownPlaylist"), text(one, "layoutKey")));
    }
    return keys;
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).isTextual() ? node.path(field).asText() : null;
  }

  private static List<String> strings(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    node.path(field).forEach(value -> out.add(value.asText()));
    return List.copyOf(out);
  }
}
