package io.gatecast.controller.publish;

import io.gatecast.controller.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The fleet's setup generation (V94): moved by every write that can change what a publish plans for a placed
 * screen (its setup, its groups, own playlist, layouts, a campaign naming it, its gate), by the database's
 * triggers. Equal at two publishes: every placed screen is planned the same.
 */
final class SetupGeneration {
  private SetupGeneration() {}

  static long current(Connection c) throws SQLException {
    return Sql.one(c, "SELECT generation FROM fleet_setup_generation", row -> row.getLong(1))
        .orElseThrow(() -> new IllegalStateException("fleet_setup_generation has no row (V94)"));
  }
}
