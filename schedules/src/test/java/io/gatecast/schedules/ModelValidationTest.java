package io.gatecast.schedules;

import static io.gatecast.schedules.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.schedules.model.Alert;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.Daypart;
import io.gatecast.schedules.model.InvalidModelException;
import io.gatecast.schedules.model.LanguagePolicy;
import io.gatecast.schedules.model.MediaKind;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.PlaylistEntry;
import io.gatecast.schedules.model.Recurrence;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.model.Targets;
import io.gatecast.schedules.model.Variant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ModelValidationTest {
  private static final LocalDateTime T0 = LocalDateTime.parse("2026-03-01T00:00");

  private static void rejects(ThrowingCallable build, String field, String words) {
    assertThatThrownBy(build)
        .isInstanceOf(InvalidModelException.class)
        .hasMessageStartingWith(field + ": ")
        .hasMessageContaining(words)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((InvalidModelException) e).field()).isEqualTo(field));
  }

  @Test
  void variantsAndItems() {
    rejects(() -> Variant.media("vi", "sha", MediaKind.VIDEO, 0), "seconds", "at least 1");
    rejects(() -> Variant.media("not a tag!", "sha", MediaKind.VIDEO, 5), "language", "BCP 47");
    rejects(() -> Variant.media("vi", " ", MediaKind.IMAGE, 5), "id", "blank");
    rejects(() -> new Variant("vi", null, null, 5), "media", "exactly one");
    rejects(() -> new ContentItem("x", "X", List.of()), "variants", "at least one");
    rejects(() -> new ContentItem("x", "X", List.of(Variant.text("vi", "a", 5), Variant.text("vi", "b", 5))),
        "variants[1].language", "duplicate");
    rejects(() -> new ContentItem("x", "X", List.of(Variant.text("vi", "a", 5), Variant.media("en", "s", MediaKind.IMAGE, 5))),
        "variants[1]", "mixes ticker text and media");
  }

  @Test
  void playlists() {
    rejects(() -> new Playlist("p", List.of()), "entries", "at least one");
    rejects(() -> new Playlist("p", List.of(PlaylistEntry.of(item("a", 5, "vi")), PlaylistEntry.of(item("a", 5, "vi")))),
        "entries[1].item.id", "listed twice");
    rejects(() -> new Playlist("p", List.of(PlaylistEntry.pinned(item("a", 5, "vi"), 3))), "entries[0].position", "beyond");
    rejects(() -> PlaylistEntry.weighted(item("a", 5, "vi"), 0), "weight", "at least 1");
  }

  @Test
  void campaignsAndTheirRules() {
    Campaign.Builder ok = Fixtures.campaign("c", "k", T0, T0.plusDays(1));
    rejects(() -> ok.window(T0, T0).build(), "end", "must be after start");
    rejects(() -> Fixtures.campaign("c", "k", T0, T0.plusDays(1)).weight(0).build(), "weight", "between 1 and 1000");
    rejects(() -> Fixtures.campaign("c", "k", T0, T0.plusDays(1)).playlist(null).build(), "playlist", "required");
    rejects(() -> new Targets(Set.of(), Set.of(), Set.of(), Set.of()), "targets", "at least one");
    rejects(() -> new Daypart(Set.of(), LocalTime.NOON, LocalTime.MIDNIGHT), "days", "at least one");
    rejects(() -> Daypart.everyDay(LocalTime.NOON, LocalTime.NOON), "end", "empty");
    rejects(() -> Recurrence.of("FREQ=WEEKLY;BYDAY=XX", LocalTime.NOON, Duration.ofHours(1)), "rule", "not a valid RFC 5545 RRULE");
    rejects(() -> Recurrence.of("FREQ=MINUTELY", LocalTime.NOON, Duration.ofHours(1)), "rule", "at most hourly");
    rejects(() -> Recurrence.of("FREQ=DAILY;UNTIL=20261231T000000Z", LocalTime.NOON, Duration.ofHours(1)), "rule", "local time");
    rejects(() -> Recurrence.of("FREQ=DAILY", LocalTime.NOON, Duration.ZERO), "duration", "positive");
    rejects(() -> new LanguagePolicy(LanguagePolicy.Mode.FIXED, null), "language", "blank");
    rejects(() -> new LanguagePolicy(LanguagePolicy.Mode.ROTATE, "vi"), "language", "only a FIXED");
  }

  @Test
  void screensAlertsAndRules() {
    rejects(() -> new Screen("s", "c", Set.of(), Set.of(), Fixtures.HCM, List.of()), "languages", "at least one");
    rejects(() -> new Screen("s", "c", Set.of(), Set.of(), null, List.of("vi")), "zone", "required");
    rejects(() -> new Screen("s", "c", Set.of(), Set.of(), Fixtures.HCM, List.of("vi", "vi")), "languages[1]", "duplicate");
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    rejects(() -> new Alert("a", "c", t, t, Map.of("vi", "x")), "expires", "after start");
    rejects(() -> new Alert("a", "c", t, null, Map.of()), "text", "at least one");
    Campaign c = Fixtures.campaign("dup", "k", T0, T0.plusDays(1)).build();
    rejects(() -> Rules.of(List.of(c, c), null), "campaigns[1].id", "duplicate id dup");
  }
}
