package io.gatecast.controller.audit;

import io.gatecast.controller.store.Database;
import io.vertx.core.Future;
import java.util.List;

/** The audit log as the API reads it: newest first, a page at a time. Nothing here writes, edits or deletes. */
public final class AuditService {
  /** Entries in a page when the caller names no limit. */
  public static final int DEFAULT_PAGE = 100;

  private final Database db;
  private final AuditLog audit;

  public AuditService(Database db, AuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  /**
   * Entries older than {@code beforeId} (null: from the newest), of one subject type and id when
   * named, at most {@code limit} (null: {@link #DEFAULT_PAGE}; the caller keeps it within {@link AuditLog#MAX_PAGE}).
   */
  public Future<List<AuditEntry>> read(Long beforeId, String subjectType, String subjectId, Integer limit) {
    return db.transaction(c -> audit.read(c, beforeId, subjectType, subjectId, limit == null ? DEFAULT_PAGE : limit));
  }
}
