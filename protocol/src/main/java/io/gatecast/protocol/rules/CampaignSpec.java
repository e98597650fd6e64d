package io.gatecast.protocol.rules;

import io.gatecast.protocol.Check;
import io.gatecast.protocol.Limits;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A campaign (engine: {@code Campaign}): a playlist aimed at some screens for the local-time window
 * {@code [start, end)}, narrowed by dayparts and recurrences, with a priority and a share-of-voice
 * weight. Missing priority reads 0, weight 1, language policy ROTATE (the engine's defaults).
 */
public record CampaignSpec(
    String id,
    String name,
    PlaylistSpec playlist,
    TargetsSpec targets,
    LocalDateTime start,
    LocalDateTime end,
    List<DaypartSpec> dayparts,
    List<RecurrenceSpec> recurrences,
    Integer priority,
    Integer weight,
    LanguagePolicySpec languagePolicy) {
  public CampaignSpec {
    Check.id(id, "id");
    name = name == null ? id : Check.text(name, "name", Limits.MAX_TEXT_LENGTH);
    Check.required(playlist, "playlist");
    Check.required(targets, "targets");
    Check.required(start, "start");
    Check.required(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end must be after start " + start + ", got " + end);
    }
    dayparts = Check.optionalList(dayparts, "dayparts", Limits.MAX_TIME_RULES);
    recurrences = Check.optionalList(recurrences, "recurrences", Limits.MAX_TIME_RULES);
    priority = priority == null ? 0 : priority;
    weight = weight == null ? 1 : Check.between(weight, 1, Limits.MAX_WEIGHT, "weight");
    languagePolicy = languagePolicy == null ? LanguagePolicySpec.rotate() : languagePolicy;
  }
}
