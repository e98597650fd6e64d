package io.gatecast.controller.campaign;

import io.gatecast.controller.audit.AuditLog;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.refusal.Refusal.Kind;
import io.gatecast.controller.store.Database;
import io.gatecast.protocol.rules.LanguagePolicySpec;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Campaigns — a playlist aimed at screens for a window, with dayparts, recurrences, priority, weight,
 * languages: the rules (ids unique, the playlist exists), the writes and the audit entries. A
 * campaign's own shape is checked where it is built ({@link CampaignDefinition}).
 */
public final class CampaignService {
  /** Whether a stored playlist has this id (the playlists feature answers; it also asks campaigns). */
  @FunctionalInterface
  public interface Playlists {
    boolean exists(Connection c, String playlistId) throws SQLException;
  }

  private static final Pattern ISO_639 = Pattern.compile("[A-Za-z]{2,3}(-.*)?");

  private final Database db;
  private final Clock clock;
  private final CampaignRepository campaigns;
  private final Playlists playlists;
  private final AuditLog audit;

  public CampaignService(Database db, Clock clock, CampaignRepository campaigns, Playlists playlists, AuditLog audit) {
    this.db = db;
    this.clock = clock;
    this.campaigns = campaigns;
    this.playlists = playlists;
    this.audit = audit;
  }

  public Future<CampaignDefinition> create(String actor, CampaignDefinition campaign) {
    requireALanguage(campaign);
    return db.transaction(c -> {
      requirePlaylist(c, campaign);
      if (campaigns.find(c, campaign.id()).isPresent()) {
        throw Refusal.conflict("CAMPAIGN_EXISTS", "a campaign with id " + campaign.id() + " already exists",
            Map.of("field", "id", "value", campaign.id()));
      }
      campaigns.insert(c, campaign, clock.instant());
      audit.record(c, actor, "create", "campaign", campaign.id(), null, campaign);
      return campaign;
    });
  }

  public Future<CampaignDefinition> edit(String actor, CampaignDefinition campaign) {
    requireALanguage(campaign);
    String id = campaign.id();
    return db.transaction(c -> {
      CampaignDefinition before = campaigns.find(c, id).orElseThrow(() -> noCampaign(id));
      requirePlaylist(c, campaign);
      campaigns.replace(c, campaign, clock.instant());
      audit.record(c, actor, "edit", "campaign", id, before, campaign);
      return campaign;
    });
  }

  public Future<Void> delete(String actor, String id) {
    return db.transaction(c -> {
      CampaignDefinition before = campaigns.find(c, id).orElseThrow(() -> noCampaign(id));
      campaigns.delete(c, id);
      audit.record(c, actor, "delete", "campaign", id, before, null);
      return null;
    });
  }

  public Future<List<CampaignDefinition>> all() {
    return db.transaction(campaigns::all);
  }

  public Future<CampaignDefinition> find(String id) {
    return db.transaction(c -> campaigns.find(c, id).orElseThrow(() -> noCampaign(id)));
  }

  /**
   * A fixed language must name a language: its first part is an ISO 639 code of two or three
   * letters (vi, lo, hmn). BCP 47's longer first parts are reserved and none is in use, so a word
   * such as "klingon", well-formed as a tag, is refused here with the code the console translates.
   */
  private static void requireALanguage(CampaignDefinition campaign) {
    LanguagePolicySpec policy = campaign.languagePolicy();
    if (policy.mode() == LanguagePolicySpec.Mode.FIXED && !ISO_639.matcher(policy.language()).matches()) {
      throw Refusal.badInput("FIELD_INVALID_LANGUAGE", "languagePolicy.language must start with a two- or"
          + " three-letter language code such as vi, lo or hmn, got '" + policy.language() + "'",
          Map.of("field", "languagePolicy.language", "value", policy.language()));
    }
  }

  private void requirePlaylist(Connection c, CampaignDefinition campaign) throws SQLException {
    if (!playlists.exists(c, campaign.playlistId())) {
      throw Refusal.of(Kind.BAD_INPUT,
          "playlistId " + campaign.playlistId() + " names no playlist; create it first with"
          + " POST /api/v1/playlists");
    }
  }

  private static Refusal noCampaign(String id) {
    return Refusal.of(Kind.NOT_FOUND, "no campaign " + id);
  }
}
