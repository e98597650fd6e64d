package io.gatecast.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Proof of play: what a screen showed, sent on {@link Topics#events(String)} in batches. Agents
 * journal plays on disk and may send a batch again after a reconnect; every play has an id unique
 * on its screen, so the controller stores each play once however often it arrives.
 *
 * @param receipt true when the agent keeps these plays until the controller's {@link PlayReceipt}
 *     names this batch ({@code header.messageId}) and sends them again if none comes; null (absent)
 *     from an agent that drops them once its broker has the batch
 */
public record PlayBatch(Header header, String screenId, List<Play> plays,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean receipt) {
  /**
   * One item on screen from {@code startedAt} to {@code endedAt}.
   *
   * @param playId unique on this screen (e.g. a UUID or a journal sequence)
   * @param campaignId the campaign it played for; null for the default playlist
   * @param language the variant's language tag
   * @param kioskClock true when {@code startedAt}/{@code endedAt} are the kiosk's own clock, which
   *     the agent could not correct by the controller's (no offset known yet): the controller then
   *     corrects them at ingest by the offset it measures; null (absent) when they are already on
   *     the controller's clock
   */
  public record Play(String playId, String itemId, String campaignId, String language, Instant startedAt, Instant endedAt,
      Boolean kioskClock) {
    /** A play timed on the controller's clock. */
    public Play(String playId, String itemId, String campaignId, String language, Instant startedAt, Instant endedAt) {
      this(playId, itemId, campaignId, language, startedAt, endedAt, null);
    }

    public Play {
      kioskClock = Boolean.TRUE.equals(kioskClock) ? Boolean.TRUE : null;
      Check.text(playId, "playId", 64);
      Check.id(itemId, "itemId");
      if (campaignId != null) {
        Check.id(campaignId, "campaignId");
      }
      Check.languageTag(language, "language");
      Check.required(startedAt, "startedAt");
      Check.required(endedAt, "endedAt");
      if (endedAt.isBefore(startedAt)) {
        throw new IllegalArgumentException("endedAt " + endedAt + " is before startedAt " + startedAt);
      }
    }

    /** This play moved by {@code millis} (the clock offset), now on the controller's clock. */
    public Play shifted(long millis) {
      return new Play(playId, itemId, campaignId, language, startedAt.plusMillis(millis), endedAt.plusMillis(millis), null);
    }
  }

  /** A batch that asks for no receipt. */
  public PlayBatch(Header header, String screenId, List<Play> plays) {
    this(header, screenId, plays, null);
  }

  public PlayBatch {
    receipt = Boolean.TRUE.equals(receipt) ? Boolean.TRUE : null;
    Check.required(header, "header");
    Check.id(screenId, "screenId");
    plays = Check.list(plays, "plays", Limits.MAX_PLAYS_PER_BATCH);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < plays.size(); i++) {
      Check.required(plays.get(i), "plays[" + i + "]");
      if (!ids.add(plays.get(i).playId())) {
        throw new IllegalArgumentException("plays[" + i + "].playId repeats " + plays.get(i).playId());
      }
    }
  }

  /** Does the agent wait for a {@link PlayReceipt} for this batch? */
  public boolean wantsReceipt() {
    return Boolean.TRUE.equals(receipt);
  }

  /** The discriminator on the events topic. */
  @JsonProperty(value = "event", access = JsonProperty.Access.READ_ONLY)
  public String event() {
    return EventKind.PLAY_BATCH.wireName();
  }
}
