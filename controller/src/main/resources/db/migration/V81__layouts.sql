-- Zoned layouts (issue 23). A layout is kept as the definition the API accepted: the wire's
-- LayoutSpec (template, shape, what each region plays), checked before it is stored.
CREATE TABLE layouts (
  id         TEXT PRIMARY KEY,
  spec_json  TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Which layout applies where: a gate's default, a campaign's own, a screen's override
-- (precedence SCREEN > CAMPAIGN > GATE). No row: the screen shows its programme full screen.
CREATE TABLE layout_assignments (
  target_kind TEXT NOT NULL CHECK (target_kind IN ('GATE', 'CAMPAIGN', 'SCREEN')),
  target_id   TEXT NOT NULL,
  layout_id   TEXT NOT NULL REFERENCES layouts (id),
  PRIMARY KEY (target_kind, target_id)
);
CREATE INDEX layout_assignments_by_layout ON layout_assignments (layout_id);

-- Facts of a gate its widgets show: opening hours (per weekday, closed dates) and the time
-- zones of its clock, as the wire's OpeningHoursSpec and ClockSpec JSON. NULL: not set, the
-- layout's own widget settings apply.
CREATE TABLE gate_facts (
  cluster_id         TEXT PRIMARY KEY REFERENCES clusters (id) ON DELETE CASCADE,
  opening_hours_json TEXT,
  clock_json         TEXT,
  updated_at         TEXT NOT NULL
);
