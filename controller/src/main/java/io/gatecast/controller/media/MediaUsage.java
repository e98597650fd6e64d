package io.gatecast.controller.media;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.gatecast.controller.store.Sql;

/**
 * Which stored rows use which media file: the one place that knows every table naming a file by
 * its SHA-256. A file with any use cannot be deleted or purged. A new table that names media
 * (language variants, playlists of files, ...) adds its {@code UNION ALL SELECT} to {@link #USES}
 * and nothing else changes.
 */
public final class MediaUsage {
  /** One row per use: the file's hash and a phrase naming the user, e.g. "content item gate-hours". */
  private static final String USES =
      "SELECT DISTINCT media_sha256 AS sha256, 'content item ' || content_id AS used_by FROM content_variants"
          + " WHERE media_sha256 IS NOT NULL";

  /** The uses of one file, as phrases; empty when it is unused. */
  public List<String> usesOf(Connection c, String sha256) throws SQLException {
    return Sql.list(c, "SELECT used_by FROM (" + USES + ") WHERE sha256 = ? ORDER BY used_by", row -> row.getString(1),
        sha256);
  }

  /** Every file in the media table that nothing uses, with its size in bytes, oldest first. */
  public Map<String, Long> unused(Connection c) throws SQLException {
    Map<String, Long> unused = new LinkedHashMap<>();
    for (Object[] row : Sql.list(c,
        "SELECT sha256, size_bytes FROM media"
            + " WHERE sha256 NOT IN (SELECT sha256 FROM (" + USES + ") WHERE sha256 IS NOT NULL)"
            + " ORDER BY created_at, sha256",
        r -> new Object[] {r.getString(1), r.getLong(2)})) {
      unused.put((String) row[0], (Long) row[1]);
    }
    return unused;
  }
}
