package io.gatecast.controller.organisation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.Optional;
import io.gatecast.controller.store.Sql;

/** Table {@code cluster_operating_hours}: no row means the gate never closes. */
public final class OperatingHoursRepository {
  public Optional<OperatingHours> find(Connection c, String clusterId) throws SQLException {
    return Sql.one(c, "SELECT opens_at, closes_at FROM cluster_operating_hours WHERE cluster_id = ?",
        row -> new OperatingHours(LocalTime.parse(row.getString(1)), LocalTime.parse(row.getString(2))), clusterId);
  }

  public void set(Connection c, String clusterId, OperatingHours hours) throws SQLException {
    Sql.update(c, "INSERT INTO cluster_operating_hours (cluster_id, opens_at, closes_at) VALUES (?, ?, ?)"
        + " ON CONFLICT (cluster_id) DO UPDATE SET opens_at = excluded.opens_at, closes_at = excluded.closes_at",
        clusterId, hours.opens().toString(), hours.closes().toString());
  }

  public void clear(Connection c, String clusterId) throws SQLException {
    Sql.update(c, "DELETE FROM cluster_operating_hours WHERE cluster_id = ?", clusterId);
  }
}
