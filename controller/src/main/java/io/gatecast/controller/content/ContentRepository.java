package io.gatecast.controller.content;

import io.gatecast.controller.store.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Content items and their variants; every write replaces an item's variants whole. */
public final class ContentRepository {
  private static final String COLUMNS = "id, title, status, revision, author, submitted_by, reviewed_by, reviewed_at,"
      + " review_reason, created_at, updated_at";

  /** Stores a new item, PENDING at revision 1. */
  public void insert(Connection c, String id, String title, List<ContentVariant> variants, String author, Instant now)
      throws SQLException {
    Sql.update(c, "INSERT INTO content_items (id, title, status, revision, author, submitted_by, created_at, updated_at)"
        + " VALUES (?, ?, 'PENDING', 1, ?, ?, ?, ?)", id, title, author, author, now.toString(), now.toString());
    insertVariants(c, id, variants);
  }

  /** A new revision: new title and variants, back to PENDING, the previous review cleared. */
  public void revise(Connection c, String id, String title, List<ContentVariant> variants, String editor, Instant now)
      throws SQLException {
    Sql.update(c, "UPDATE content_items SET title = ?, status = 'PENDING', revision = revision + 1, submitted_by = ?,"
        + " reviewed_by = NULL, reviewed_at = NULL, review_reason = NULL, updated_at = ? WHERE id = ?",
        title, editor, now.toString(), id);
    Sql.update(c, "DELETE FROM content_variants WHERE content_id = ?", id);
    insertVariants(c, id, variants);
  }

  /** Records a review of the given revision; returns false if the item moved on meanwhile. */
  public boolean review(Connection c, String id, long revision, ContentStatus outcome, String reviewer, String reason,
      Instant now) throws SQLException {
    return Sql.update(c, "UPDATE content_items SET status = ?, reviewed_by = ?, reviewed_at = ?, review_reason = ?"
        + " WHERE id = ? AND revision = ?", outcome.name(), reviewer, now.toString(), reason, id, revision) == 1;
  }

  /** Deletes an item and its variants; the caller has made sure nothing plays it ({@link ContentUsage}). */
  public void delete(Connection c, String id) throws SQLException {
    Sql.update(c, "DELETE FROM content_variants WHERE content_id = ?", id);
    Sql.update(c, "DELETE FROM content_items WHERE id = ?", id);
  }

  public boolean exists(Connection c, String id) throws SQLException {
    return Sql.one(c, "SELECT 1 FROM content_items WHERE id = ?", row -> true, id).isPresent();
  }

  public Optional<Content> find(Connection c, String id) throws SQLException {
    Optional<Content> bare = Sql.one(c, "SELECT " + COLUMNS + " FROM content_items WHERE id = ?",
        ContentRepository::map, id);
    return bare.isEmpty() ? bare : Optional.of(withVariants(c, bare.get()));
  }

  /** Every item, or only those in {@code status} when given, oldest first. */
  public List<Content> all(Connection c, ContentStatus status) throws SQLException {
    // Two queries whatever the library's size (not one per item): the library lists every item.
    Map<String, List<ContentVariant>> variants = new HashMap<>();
    for (OwnedVariant row : Sql.list(c, "SELECT content_id, language, media_sha256, text, seconds FROM content_variants"
        + " ORDER BY content_id, ordinal", r -> new OwnedVariant(r.getString(1),
        new ContentVariant(r.getString(2), r.getString(3), r.getString(4), r.getInt(5))))) {
      variants.computeIfAbsent(row.contentId(), id -> new ArrayList<>()).add(row.variant());
    }
    List<Content> items = new ArrayList<>();
    for (Content bare : Sql.list(c, "SELECT " + COLUMNS + " FROM content_items WHERE (? IS NULL OR status = ?)"
        + " ORDER BY created_at, id", ContentRepository::map, status == null ? null : status.name(),
        status == null ? null : status.name())) {
      items.add(withVariants(bare, variants.getOrDefault(bare.id(), List.of())));
    }
    return items;
  }

  /**
   * The APPROVED items among {@code ids}, by id. The one query that decides what may reach a
   * screen: everything the publisher sends comes through here.
   */
  public Map<String, Content> approved(Connection c, Collection<String> ids) throws SQLException {
    Map<String, Content> found = new LinkedHashMap<>();
    for (String id : ids) {
      Optional<Content> item = find(c, id);
      if (item.isPresent() && item.get().status() == ContentStatus.APPROVED) {
        found.put(id, item.get());
      }
    }
    return found;
  }

  private void insertVariants(Connection c, String id, List<ContentVariant> variants) throws SQLException {
    for (int i = 0; i < variants.size(); i++) {
      ContentVariant v = variants.get(i);
      Sql.update(c, "INSERT INTO content_variants (content_id, ordinal, language, media_sha256, text, seconds)"
          + " VALUES (?, ?, ?, ?, ?, ?)", id, i, v.language(), v.mediaSha256(), v.text(), v.seconds());
    }
  }

  private Content withVariants(Connection c, Content bare) throws SQLException {
    List<ContentVariant> variants = Sql.list(c, "SELECT language, media_sha256, text, seconds FROM content_variants"
        + " WHERE content_id = ? ORDER BY ordinal", row -> new ContentVariant(row.getString(1), row.getString(2),
        row.getString(3), row.getInt(4)), bare.id());
    return withVariants(bare, variants);
  }

  private record OwnedVariant(String contentId, ContentVariant variant) {}

  private static Content withVariants(Content bare, List<ContentVariant> variants) {
    return new Content(bare.id(), bare.title(), bare.status(), bare.revision(), bare.author(), bare.submittedBy(),
        bare.reviewedBy(), bare.reviewedAt(), bare.reviewReason(), bare.createdAt(), bare.updatedAt(), variants);
  }

  private static Content map(ResultSet row) throws SQLException {
    String reviewedAt = row.getString("reviewed_at");
    return new Content(row.getString("id"), row.getString("title"), ContentStatus.valueOf(row.getString("status")),
        row.getLong("revision"), row.getString("author"), row.getString("submitted_by"), row.getString("reviewed_by"),
        reviewedAt == null ? null : Instant.parse(reviewedAt), row.getString("review_reason"),
        Instant.parse(row.getString("created_at")), Instant.parse(row.getString("updated_at")), List.of());
  }
}
