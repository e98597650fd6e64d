-- People who use the API, their roles, their login sessions, and the audit log of every change.

CREATE TABLE users (
  username      TEXT PRIMARY KEY,
  -- PBKDF2-HMAC-SHA512 in the $7$iterations$salt$hash form of broker/PasswordHash
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at    TEXT NOT NULL
);

CREATE TABLE user_roles (
  username TEXT NOT NULL REFERENCES users (username),
  role     TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'approver', 'contributor', 'technician', 'viewer')),
  PRIMARY KEY (username, role)
);

-- A bearer token is 256 random bits; only its SHA-256 is kept, so a stolen database holds no usable token.
CREATE TABLE sessions (
  token_sha256 TEXT PRIMARY KEY CHECK (length(token_sha256) = 64),
  username     TEXT NOT NULL REFERENCES users (username),
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL
);

CREATE INDEX sessions_by_user ON sessions (username);

-- Who changed what, when, with the subject as JSON before and after. Written in the same
-- transaction as the change it records. Append-only: the triggers refuse any UPDATE or DELETE,
-- and no API writes to it except by making a change.
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id   TEXT,
  before_json  TEXT,
  after_json   TEXT
);

CREATE INDEX audit_by_subject ON audit_log (subject_type, subject_id, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
