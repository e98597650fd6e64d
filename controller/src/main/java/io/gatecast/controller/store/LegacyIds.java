package io.gatecast.controller.store;

import io.gatecast.protocol.Check;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RegisteredScreen, cluster and group ids stored before ids had to be portable ({@link Check#PORTABLE_ID_FORM}):
 * they keep working on the embedded broker and Mosquitto, but a '.' or an upper-case letter breaks
 * the NATS and RabbitMQ topic mappings. Found at start, so the operator is told which and how to
 * rename them.
 */
public final class LegacyIds {
  private LegacyIds() {}

  /** Each kind ("screens", "clusters", "groups") with its ids that are not portable; only kinds that have some. */
  public static Map<String, List<String>> find(Connection c) throws SQLException {
    Map<String, List<String>> found = new LinkedHashMap<>();
    put(found, "screens", Sql.list(c, "SELECT id FROM screens ORDER BY id", r -> r.getString(1)));
    put(found, "clusters", Sql.list(c, "SELECT id FROM clusters ORDER BY id", r -> r.getString(1)));
    put(found, "groups", Sql.list(c, "SELECT id FROM screen_groups ORDER BY id", r -> r.getString(1)));
    return found;
  }

  private static void put(Map<String, List<String>> found, String kind, List<String> ids) {
    List<String> legacy = ids.stream().filter(id -> !Check.isPortableId(id)).toList();
    if (!legacy.isEmpty()) {
      found.put(kind, legacy);
    }
  }

  /** The start's warning: which ids, and how to replace each kind. */
  public static String warning(Map<String, List<String>> found) {
    return "ids that are not portable (they must be " + Check.PORTABLE_ID_FORM + "; a '.' or an upper-case letter"
        + " breaks the NATS and RabbitMQ topic mappings, though the embedded broker and Mosquitto still carry them): "
        + found + ". To rename, make the new one and move to it: a cluster or group — create it under the new id"
        + " (POST /api/v1/clusters, /api/v1/groups), move its screens there (PUT /api/v1/screens/{id} with clusterId or"
        + " groups) and delete the old one; a screen — register or enroll it under the new id (POST /api/v1/screens or"
        + " /api/v1/enrollments/{code}/assign), give its kiosk the new identity, publish, then revoke the old id"
        + " (DELETE /api/v1/screens/{id}).";
  }
}
