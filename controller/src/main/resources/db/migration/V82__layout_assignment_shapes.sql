-- A gate has a default layout per screen shape (issue 23): its landscape hall screens and its
-- portrait totems each take the default drawn for their shape. The attachment now records the
-- shape of the layout attached (the layout's own shape decides it), and a gate may hold one row
-- per shape. A campaign or a screen still holds one layout (the service replaces it whole).
-- SQLite cannot change a primary key in place, so the table is rebuilt; every existing row keeps
-- its layout and takes that layout's shape from its stored definition.
CREATE TABLE layout_assignments_by_shape (
  target_kind TEXT NOT NULL CHECK (target_kind IN ('GATE', 'CAMPAIGN', 'SCREEN')),
  target_id   TEXT NOT NULL,
  shape       TEXT NOT NULL CHECK (shape IN ('LANDSCAPE_16_9', 'PORTRAIT_9_16')),
  layout_id   TEXT NOT NULL REFERENCES layouts (id),
  PRIMARY KEY (target_kind, target_id, shape)
);

INSERT INTO layout_assignments_by_shape (target_kind, target_id, shape, layout_id)
  SELECT a.target_kind, a.target_id, json_extract(l.spec_json, '$.shape'), a.layout_id
  FROM layout_assignments a JOIN layouts l ON l.id = a.layout_id;

DROP TABLE layout_assignments;
ALTER TABLE layout_assignments_by_shape RENAME TO layout_assignments;
CREATE INDEX layout_assignments_by_layout ON layout_assignments (layout_id);
