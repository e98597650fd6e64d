package io.gatecast.schedules.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A playlist aimed at some screens for a local-time window {@code [start, end)} in each target
 * screen's zone. When dayparts are given it plays only inside one of them; when recurrences are
 * given it plays only inside one of their occurrences; with both, only where both hold. The
 * highest priority active campaign wins; equal priorities share airtime in proportion to
 * {@code weight}.
 */
public record Campaign(
    String id,
    String name,
    Playlist playlist,
    Targets targets,
    LocalDateTime start,
    LocalDateTime end,
    List<Daypart> dayparts,
    List<Recurrence> recurrences,
    int priority,
    int weight,
    LanguagePolicy languagePolicy) {

  /** Share-of-voice weights are ratios; a cap keeps the airtime arithmetic far from overflow. */
  public static final int MAX_WEIGHT = 1000;

  public Campaign {
    Require.text(id, "id");
    Require.text(name, "name");
    Require.present(playlist, "playlist");
    Require.present(targets, "targets");
    Require.present(start, "start");
    Require.present(end, "end");
    if (!end.isAfter(start)) {
      throw new InvalidModelException("end", "must be after start " + start + ", was " + end);
    }
    dayparts = Require.list(dayparts, "dayparts");
    recurrences = Require.list(recurrences, "recurrences");
    if (weight < 1 || weight > MAX_WEIGHT) {
      throw new InvalidModelException("weight", "must be between 1 and " + MAX_WEIGHT + ", was " + weight);
    }
    languagePolicy = languagePolicy == null ? LanguagePolicy.rotate() : languagePolicy;
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Fluent construction with the defaults an operator form starts from. */
  public static final class Builder {
    private final String id;
    private String name;
    private Playlist playlist;
    private Targets targets;
    private LocalDateTime start;
    private LocalDateTime end;
    private List<Daypart> dayparts = List.of();
    private List<Recurrence> recurrences = List.of();
    private int priority;
    private int weight = 1;
    private LanguagePolicy languagePolicy = LanguagePolicy.rotate();

    private Builder(String id) {
      this.id = id;
      this.name = id;
    }

    public Builder name(String value) {
      name = value;
      return this;
    }

    public Builder playlist(Playlist value) {
      playlist = value;
      return this;
    }

    public Builder targets(Targets value) {
      targets = value;
      return this;
    }

    public Builder window(LocalDateTime from, LocalDateTime until) {
      start = from;
      end = until;
      return this;
    }

    public Builder dayparts(Daypart... values) {
      dayparts = List.of(values);
      return this;
    }

    public Builder recurrences(Recurrence... values) {
      recurrences = List.of(values);
      return this;
    }

    public Builder priority(int value) {
      priority = value;
      return this;
    }

    public Builder weight(int value) {
      weight = value;
      return this;
    }

    public Builder languages(LanguagePolicy value) {
      languagePolicy = value;
      return this;
    }

    public Campaign build() {
      return new Campaign(
          id, name, playlist, targets, start, end, dayparts, recurrences, priority, weight,
          languagePolicy);
    }
  }
}
