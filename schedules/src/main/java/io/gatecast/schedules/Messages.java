package io.gatecast.schedules;

import io.gatecast.schedules.model.Alert;
import io.gatecast.schedules.model.Campaign;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.Daypart;
import io.gatecast.schedules.model.LanguagePolicy;
import io.gatecast.schedules.model.Recurrence;
import io.gatecast.schedules.model.Rules;
import io.gatecast.schedules.model.Screen;
import io.gatecast.schedules.time.CampaignActivity;
import io.gatecast.schedules.time.LocalTimeLine;
import io.gatecast.schedules.time.Span;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every sentence the engine says to an operator is built here, so translating them later is a
 * change to one file.
 */
public final class Messages {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final int NAMES_LISTED = 5;

  private Messages() {}

  static Explanation explain(
      Screen screen, Rules rules, Slot slot, List<Campaign> active, List<Alert> alerts, long local) {
    List<String> out = new ArrayList<>();
    out.add(headline(screen, slot));
    switch (slot.kind()) {
      case ALERT:
        Alert alert = alerts.stream().filter(a -> a.id().equals(slot.sourceId())).findFirst().orElseThrow();
        out.add(alertReason(alert, screen.zone()));
        topTier(active).ifPresent(top -> out.add("Without the alert, " + names(top) + " would play."));
        break;
      case CAMPAIGN:
        campaignReasons(screen, slot, active, local, out);
        break;
      case DEFAULT:
        out.add("No campaign aimed at this screen is on now, so the default playlist '"
            + rules.defaultPlaylist().id() + "' fills the time.");
        break;
      default:
        out.add("No campaign aimed at this screen is on now and there is no default playlist,"
            + " so the screen is black. Add a default playlist so it never is.");
    }
    if (slot.item() != null && slot.kind() != SlotKind.ALERT) {
      out.add(languageReason(screen, slot, policyOf(slot, rules, active)));
    }
    return new Explanation(slot, out);
  }

  private static String headline(Screen screen, Slot slot) {
    ZoneId z = screen.zone();
    String when = "from " + SECOND.format(slot.start().atZone(z)) + " to " + SECOND.format(slot.end().atZone(z))
        + " on " + slot.start().atZone(z).toLocalDate() + " (" + z + ")";
    if (slot.item() == null) {
      return "Screen " + screen.id() + " shows nothing " + when + ".";
    }
    String what = slot.variant().isText() ? "text" : slot.variant().media().kind().name().toLowerCase(Locale.ROOT);
    return "Screen " + screen.id() + " shows '" + slot.item().title() + "' (item " + slot.item().id() + ", "
        + what + " in " + slot.language() + ") " + when + ".";
  }

  private static String alertReason(Alert a, ZoneId zone) {
    String until = a.expires() == null ? "until it is cleared" : "until " + local(a.expires(), zone);
    return "Urgent alert " + a.id() + " for cluster " + a.clusterId() + " has taken over every screen of the"
        + " cluster since " + local(a.start(), zone) + " and stays " + until + "; it overrides all campaigns.";
  }

  private static void campaignReasons(Screen screen, Slot slot, List<Campaign> active, long local, List<String> out) {
    Campaign c = active.stream().filter(x -> x.id().equals(slot.sourceId())).findFirst().orElseThrow();
    out.add("It comes from campaign '" + c.name() + "' (" + c.id() + "), priority " + c.priority()
        + ", which targets this screen by " + c.targets().reason(screen) + " and runs from "
        + MINUTE.format(c.start()) + " to " + MINUTE.format(c.end()) + " local time.");
    List<String> because = new ArrayList<>();
    CampaignActivity.daypartAt(c, local).ifPresent(d -> because.add("daypart " + describe(d)));
    for (Recurrence r : c.recurrences()) {
      Optional<Span> occ = CampaignActivity.occurrenceAt(c, r, local);
      occ.ifPresent(o -> because.add("recurrence " + r.rule() + " (occurrence " + MINUTE.format(LocalTimeLine.localDateTime(o.start()))
          + " to " + MINUTE.format(LocalTimeLine.localDateTime(o.end())) + ")"));
    }
    if (!because.isEmpty()) {
      out.add("It is on now because of its " + String.join(" and ", because) + ".");
    }
    List<Campaign> peers = active.stream().filter(x -> x.priority() == c.priority() && x != c).toList();
    if (!peers.isEmpty()) {
      out.add("It shares airtime with " + names(peers) + " because they have the same priority "
          + c.priority() + "; airtime is split by weight, " + c.weight() + " for this campaign and "
          + peers.stream().map(p -> p.weight() + " for " + p.id()).collect(Collectors.joining(", ")) + ".");
    }
    List<Campaign> beaten = active.stream().filter(x -> x.priority() < c.priority()).toList();
    if (!beaten.isEmpty()) {
      out.add("It pre-empts " + names(beaten) + ", which " + (beaten.size() == 1 ? "is" : "are")
          + " also on but with lower priority ("
          + beaten.stream().map(b -> b.id() + ": " + b.priority()).collect(Collectors.joining(", ")) + ").");
    }
  }

  private static LanguagePolicy policyOf(Slot slot, Rules rules, List<Campaign> active) {
    if (slot.kind() == SlotKind.DEFAULT) {
      return rules.defaultPolicy();
    }
    return active.stream().filter(c -> c.id().equals(slot.sourceId())).findFirst().orElseThrow().languagePolicy();
  }

  private static String languageReason(Screen screen, Slot slot, LanguagePolicy policy) {
    String langs = String.join(", ", screen.languages());
    if (!screen.languages().contains(slot.language())) {
      return "The item has none of the screen's languages (" + langs + "), so it plays its "
          + slot.language() + " variant rather than nothing.";
    }
    switch (policy.mode()) {
      case FIXED:
        return slot.language().equals(policy.language())
            ? "The campaign plays in " + policy.language() + " only."
            : "The campaign plays in " + policy.language() + " only, but the item has no "
                + policy.language() + " variant, so it falls back to " + slot.language()
                + ", the first of the screen's languages (" + langs + ") it has.";
      case EVERY:
        return "Each play shows the item once in every screen language it has, in the screen's order ("
            + langs + ").";
      default:
        return "Languages rotate play by play over the screen's languages (" + langs
            + ") that the item has; this play is in " + slot.language() + ".";
    }
  }

  // --- findings -------------------------------------------------------------------------------

  public static String gap(String screenId, Duration total, Instant firstStart, Instant firstEnd, ZoneId zone) {
    return "Screen " + screenId + " would be black for " + describe(total) + " in the checked window, first from "
        + local(firstStart, zone) + " to " + local(firstEnd, zone) + " (" + zone + "): no campaign is on and"
        + " there is no default playlist. Set the gate's default playlist or add a campaign.";
  }

  public static String neverPlays(Campaign c) {
    return "Campaign '" + c.name() + "' (" + c.id() + ") can never play: its window " + MINUTE.format(c.start())
        + " to " + MINUTE.format(c.end()) + " never meets its "
        + (c.dayparts().isEmpty() ? "" : "dayparts" + (c.recurrences().isEmpty() ? "" : " and "))
        + (c.recurrences().isEmpty() ? "" : "recurrence rules") + ".";
  }

  public static String noScreens(Campaign c) {
    return "Campaign '" + c.name() + "' (" + c.id() + ") targets none of the known screens.";
  }

  public static String missingLanguage(
      String source, ContentItem item, List<String> languages, Collection<String> screenIds, String fallback) {
    return "Item '" + item.title() + "' (" + item.id() + ") in " + source + " has no variant in "
        + String.join(", ", languages) + ", the languages of " + count(screenIds.size(), "screen") + " ("
        + list(screenIds) + "); they will show its " + fallback + " variant instead.";
  }

  public static String incompleteLanguages(
      String source, ContentItem item, List<String> missing, Collection<String> screenIds) {
    return "Item '" + item.title() + "' (" + item.id() + ") in " + source + " has no variant in "
        + String.join(", ", missing) + ", which " + count(screenIds.size(), "screen") + " (" + list(screenIds)
        + ") also show; readers of those languages will not see it in theirs. Add the variants if they should.";
  }

  public static String samePriority(Campaign a, Campaign b, Collection<String> screenIds, LocalDateTime firstOverlap) {
    return "Campaigns '" + a.name() + "' (" + a.id() + ") and '" + b.name() + "' (" + b.id()
        + ") have the same priority " + a.priority() + " and are both on from " + MINUTE.format(firstOverlap)
        + " on " + count(screenIds.size(), "screen") + " (" + list(screenIds) + "); they will share airtime by"
        + " weight " + a.weight() + ":" + b.weight() + ". Give one a higher priority if it should win.";
  }

  public static String invalidRule(String field, String problem) {
    return "The recurrence rule in " + field + " cannot be used: " + problem + ".";
  }

  // --- wording helpers ------------------------------------------------------------------------

  private static Optional<List<Campaign>> topTier(List<Campaign> active) {
    return active.stream().mapToInt(Campaign::priority).max()
        .stream().boxed().findFirst()
        .map(top -> active.stream().filter(c -> c.priority() == top).toList());
  }

  private static String names(List<Campaign> cs) {
    return (cs.size() == 1 ? "campaign " : "campaigns ")
        + cs.stream().map(c -> "'" + c.name() + "' (" + c.id() + ")").collect(Collectors.joining(", "));
  }

  private static String describe(Daypart d) {
    String days;
    if (d.days().equals(Daypart.EVERY_DAY)) {
      days = "every day";
    } else if (d.days().equals(Daypart.WEEKDAYS)) {
      days = "Monday to Friday";
    } else {
      days = EnumSet.copyOf(d.days()).stream()
          .map(x -> x.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
          .collect(Collectors.joining(", "));
    }
    return days + " " + d.start() + "–" + d.end();
  }

  static String describe(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 1) {
      return d.getSeconds() + " s";
    }
    long h = minutes / 60;
    long m = minutes % 60;
    return h == 0 ? m + " min" : m == 0 ? h + " h" : h + " h " + m + " min";
  }

  private static String local(Instant t, ZoneId zone) {
    return MINUTE.format(t.atZone(zone));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String list(Collection<String> names) {
    List<String> sorted = names.stream().sorted().toList();
    return sorted.size() <= NAMES_LISTED
        ? String.join(", ", sorted)
        : String.join(", ", sorted.subList(0, NAMES_LISTED)) + " and " + (sorted.size() - NAMES_LISTED) + " more";
  }
}
