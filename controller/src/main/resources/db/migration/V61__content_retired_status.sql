-- Retiring an item (taking an approved item off the air) now leaves it RETIRED, not REJECTED:
-- a retired item was not refused by a reviewer, and its card should say so. SQLite cannot change
-- a CHECK constraint in place, so content_items is rebuilt with the new allowed value.
--
-- Flyway runs this in one transaction with foreign keys on. Dropping content_items would cascade
-- to content_variants (ON DELETE CASCADE), so the variants are kept aside and put back; the
-- playlists' references are checked at commit (deferred), by which time every item is back.
-- Items retired before this migration were stored REJECTED: those whose last audited change is
-- the retire become RETIRED (the audit log tells them apart from items an approver rejected).
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE retired_migration_items AS SELECT * FROM content_items;
CREATE TEMP TABLE retired_migration_variants AS SELECT * FROM content_variants;

DROP TABLE content_items;

CREATE TABLE content_items (
  id            TEXT PRIMARY KEY,
  title         TEXT NOT NULL,
  -- PENDING: submitted, waiting for an approver; APPROVED: may go on air; REJECTED: refused, with a
  -- reason; RETIRED: was approved, taken off the air with a reason (an edit resubmits it).
  status        TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'RETIRED')),
  -- Bumped by every edit; an approval names the revision it approves.
  revision      INTEGER NOT NULL CHECK (revision >= 1),
  author        TEXT NOT NULL,
  submitted_by  TEXT NOT NULL,
  reviewed_by   TEXT,
  reviewed_at   TEXT,
  review_reason TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

INSERT INTO content_items (id, title, status, revision, author, submitted_by, reviewed_by, reviewed_at,
    review_reason, created_at, updated_at)
  SELECT id, title, status, revision, author, submitted_by, reviewed_by, reviewed_at, review_reason,
    created_at, updated_at FROM retired_migration_items;
INSERT INTO content_variants SELECT * FROM retired_migration_variants;

UPDATE content_items SET status = 'RETIRED'
  WHERE status = 'REJECTED'
    AND (SELECT action FROM audit_log WHERE subject_type = 'content' AND subject_id = content_items.id
         ORDER BY id DESC LIMIT 1) = 'retire';

DROP TABLE retired_migration_items;
DROP TABLE retired_migration_variants;
