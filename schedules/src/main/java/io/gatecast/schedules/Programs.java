package io.gatecast.schedules;

import io.gatecast.schedules.model.Alert;
import io.gatecast.schedules.model.ContentItem;
import io.gatecast.schedules.model.LanguagePolicy;
import io.gatecast.schedules.model.Playlist;
import io.gatecast.schedules.model.Variant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the loop a winner plays on a given screen. */
final class Programs {
  /** While idle the loop is cut in minutes, so an agent re-resolves at least once a minute. */
  static final long IDLE_SLOT_MILLIS = 60_000;
  // Rotations longer than this restart early; no real screen has enough languages to reach it.
  private static final int MAX_ROTATION_REPEATS = 60;
  // A shared loop stops once airtime matches the weights exactly with every playlist at its end;
  // failing that, once it is this long and every playlist has played through at least once.
  private static final int SHARE_SOFT_CAP = 2_000;
  private static final int SHARE_HARD_CAP = 20_000;

  private Programs() {}

  static Program idle() {
    return new Program(SlotKind.IDLE, List.of(new Play(null, null, null, IDLE_SLOT_MILLIS)));
  }

  static Program alert(Alert alert, List<String> screenLanguages) {
    List<Variant> lines = new ArrayList<>();
    alert.text().forEach((lang, text) -> lines.add(Variant.text(lang, text, Alert.SECONDS_PER_LANGUAGE)));
    ContentItem item = new ContentItem("alert:" + alert.id(), "Urgent alert " + alert.id(), lines);
    return new Program(
        SlotKind.ALERT, playlistLoop(alert.id(), Playlist.of(item.id(), item), LanguagePolicy.every(), screenLanguages));
  }

  static Program single(SlotKind kind, String sourceId, Playlist playlist, LanguagePolicy policy, List<String> languages) {
    return new Program(kind, playlistLoop(sourceId, playlist, policy, languages));
  }

  /**
   * One loop of a playlist in a screen's languages. It repeats the playlist cycle until every
   * rotating item is back at its first language, so the loop is exactly periodic.
   */
  static List<Play> playlistLoop(
      String sourceId, Playlist playlist, LanguagePolicy policy, List<String> screenLanguages) {
    List<ContentItem> cycle = PlaylistCycle.order(playlist);
    Map<String, Integer> playsPerCycle = new HashMap<>();
    for (ContentItem item : cycle) {
      playsPerCycle.merge(item.id(), 1, Integer::sum);
    }
    int repeats = 1;
    for (ContentItem item : cycle) {
      int rotation = Languages.rotationLength(item, policy, screenLanguages);
      int needed = rotation / gcd(rotation, playsPerCycle.get(item.id()));
      repeats = Math.min(MAX_ROTATION_REPEATS, repeats / gcd(repeats, needed) * needed);
    }
    Map<String, Integer> playNumber = new HashMap<>();
    List<Play> loop = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      for (ContentItem item : cycle) {
        int n = playNumber.merge(item.id(), 1, Integer::sum) - 1;
        for (Variant v : Languages.forPlay(item, policy, screenLanguages, n)) {
          loop.add(Play.of(sourceId, item, v));
        }
      }
    }
    return loop;
  }

  /**
   * Share of voice: interleaves equal-priority loops play by play, always giving the next play to
   * the loop furthest behind its weighted share of airtime (ties to the earlier campaign).
   */
  static Program shared(List<List<Play>> loops, int[] weights) {
    if (loops.size() == 1) {
      return new Program(SlotKind.CAMPAIGN, loops.get(0));
    }
    int n = loops.size();
    int[] next = new int[n];
    long[] airtime = new long[n];
    boolean[] lapped = new boolean[n];
    List<Play> out = new ArrayList<>();
    while (true) {
      int pick = 0;
      for (int i = 1; i < n; i++) {
        if (airtime[i] * weights[pick] < airtime[pick] * weights[i]) {
          pick = i;
        }
      }
      Play p = loops.get(pick).get(next[pick]);
      out.add(p);
      airtime[pick] += p.millis();
      if (++next[pick] == loops.get(pick).size()) {
        next[pick] = 0;
        lapped[pick] = true;
      }
      boolean allLapped = allTrue(lapped);
      if ((allLapped && atLoopEnds(next) && balanced(airtime, weights))
          || (allLapped && out.size() >= SHARE_SOFT_CAP)
          || out.size() >= SHARE_HARD_CAP) {
        return new Program(SlotKind.CAMPAIGN, out);
      }
    }
  }

  private static boolean allTrue(boolean[] values) {
    for (boolean v : values) {
      if (!v) {
        return false;
      }
    }
    return true;
  }

  private static boolean atLoopEnds(int[] next) {
    for (int v : next) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean balanced(long[] airtime, int[] weights) {
    for (int i = 1; i < airtime.length; i++) {
      if (airtime[i] * weights[0] != airtime[0] * weights[i]) {
        return false;
      }
    }
    return true;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
