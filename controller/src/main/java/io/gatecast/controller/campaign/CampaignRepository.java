package io.gatecast.controller.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gatecast.controller.store.Sql;
import io.gatecast.protocol.Codec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Campaigns, each kept as the definition the API accepted. */
public final class CampaignRepository {
  public void insert(Connection c, CampaignDefinition campaign, Instant now) throws SQLException {
    Sql.update(c, "INSERT INTO campaigns (id, name, playlist_id, spec_json, created_at, updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", campaign.id(), campaign.name(), campaign.playlistId(), json(campaign),
        now.toString(), now.toString());
  }

  public void replace(Connection c, CampaignDefinition campaign, Instant now) throws SQLException {
    Sql.update(c, "UPDATE campaigns SET name = ?, playlist_id = ?, spec_json = ?, updated_at = ? WHERE id = ?",
        campaign.name(), campaign.playlistId(), json(campaign), now.toString(), campaign.id());
  }

  public void delete(Connection c, String id) throws SQLException {
    Sql.update(c, "DELETE FROM campaigns WHERE id = ?", id);
  }

  public Optional<CampaignDefinition> find(Connection c, String id) throws SQLException {
    return Sql.one(c, "SELECT spec_json FROM campaigns WHERE id = ?", row -> parse(row.getString(1)), id);
  }

  public List<CampaignDefinition> all(Connection c) throws SQLException {
    return Sql.list(c, "SELECT spec_json FROM campaigns ORDER BY id", row -> parse(row.getString(1)));
  }

  /** Ids of the campaigns that play {@code playlistId}. */
  public List<String> using(Connection c, String playlistId) throws SQLException {
    return Sql.list(c, "SELECT id FROM campaigns WHERE playlist_id = ? ORDER BY id", row -> row.getString(1), playlistId);
  }

  private static String json(CampaignDefinition campaign) {
    try {
      return Codec.mapper().writeValueAsString(campaign);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CampaignDefinition parse(String json) {
    try {
      return Codec.mapper().readValue(json, CampaignDefinition.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored campaign does not read back: " + e.getMessage(), e);
    }
  }
}
