package io.gatecast.controller.campaign;

import io.gatecast.protocol.Check;
import io.gatecast.protocol.Limits;
import io.gatecast.protocol.rules.DaypartSpec;
import io.gatecast.protocol.rules.LanguagePolicySpec;
import io.gatecast.protocol.rules.RecurrenceSpec;
import io.gatecast.protocol.rules.TargetsSpec;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.Daypart;
import io.gatecast.schedules.model.InvalidModelException;
import io.gatecast.schedules.model.LanguagePolicy;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.Recurrence;
import io.gatecast.schedules.model.Targets;
import io.gatecast.schedules.model.Variant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * A campaign as operators write it and the store keeps it: the engine's campaign (see
 * schedules/README.md) with its playlist named by id. Targets, dayparts, recurrences and the
 * language policy use the wire's shapes ({@code protocol.rules}), so the API, the store and the
 * screen's message spell a campaign the same way. Checked on construction by the wire records and
 * then by building the engine's model, so every refusal names its field.
 */
public record CampaignDefinition(
    String id,
    String name,
    String playlistId,
    TargetsSpec targets,
    LocalDateTime start,
    LocalDateTime end,
    List<DaypartSpec> dayparts,
    List<RecurrenceSpec> recurrences,
    Integer priority,
    Integer weight,
    LanguagePolicySpec languagePolicy) {

  private static final Playlist PLACEHOLDER = Playlist.of("check",
      new ContentItem("check", "check", List.of(Variant.text("vi", "check", 1))));

  public CampaignDefinition {
    Check.id(id, "id");
    name = name == null ? id : Check.humanText(name, "name", Limits.MAX_TEXT_LENGTH);
    Check.id(playlistId, "playlistId");
    Check.required(targets, "targets");
    Check.required(start, "start");
    Check.required(end, "end");
    dayparts = Check.optionalList(dayparts, "dayparts", Limits.MAX_TIME_RULES);
    recurrences = Check.optionalList(recurrences, "recurrences", Limits.MAX_TIME_RULES);
    priority = priority == null ? 0 : Check.between(priority, -1000, 1000, "priority");
    weight = weight == null ? 1 : Check.between(weight, 1, Limits.MAX_WEIGHT, "weight");
    languagePolicy = languagePolicy == null ? LanguagePolicySpec.rotate() : languagePolicy;
    try {
      toEngine(id, name, PLACEHOLDER, targets, start, end, dayparts, recurrences, priority, weight, languagePolicy);
    } catch (InvalidModelException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The engine's campaign, playing {@code playlist} (this campaign's playlist, as it may air). */
  public Campaign toEngine(Playlist playlist) {
    return toEngine(id, name, playlist, targets, start, end, dayparts, recurrences, priority, weight, languagePolicy);
  }

  /** The engine's view of the targets, for matching screens. */
  public Targets engineTargets() {
    return targets(targets);
  }

  private static Campaign toEngine(String id, String name, Playlist playlist, TargetsSpec targets,
      LocalDateTime start, LocalDateTime end, List<DaypartSpec> dayparts, List<RecurrenceSpec> recurrences,
      int priority, int weight, LanguagePolicySpec policy) {
    List<Daypart> parts = dayparts.stream().map(d -> new Daypart(Set.copyOf(d.days()), d.start(), d.end())).toList();
    List<Recurrence> rules = recurrences.stream().map(r -> new Recurrence(r.rule(), r.at(), r.length())).toList();
    return new Campaign(id, name, playlist, targets(targets), start, end, parts, rules, priority, weight,
        new LanguagePolicy(LanguagePolicy.Mode.valueOf(policy.mode().name()), policy.language()));
  }

  private static Targets targets(TargetsSpec t) {
    return new Targets(Set.copyOf(t.clusters()), Set.copyOf(t.groups()), Set.copyOf(t.tags()), Set.copyOf(t.screens()));
  }
}
