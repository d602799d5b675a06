-- juesuan SQLite schema, version 5 (src/store/schema.ts sets PRAGMA user_version).
-- One row per ingested file in `reports`; its canonical tables, rows and cells
-- hang below it and go with it (ON DELETE CASCADE), so replacing a report is
-- one DELETE plus inserts inside one transaction.
-- JSON columns hold arrays exactly as in schemas/canonical.ts and are checked
-- with zod when read back.

-- A unit (单位) across years and spellings (武汉市洪山区财政局 / 洪山区财政局):
-- src/store/units/ links every report to one, by its name without the region
-- (core) and a region that does not conflict; never when two units could be meant.
CREATE TABLE units (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE, -- the fullest spelling seen: region + core
  core     TEXT NOT NULL,        -- the name without its region prefix
  province TEXT,                 -- as printed (上海市 is province and city)
  city     TEXT,
  district TEXT                  -- 区, 县, 旗, county-level 市
);
CREATE INDEX units_core ON units (core);

CREATE TABLE reports (
  id           INTEGER PRIMARY KEY,
  -- Path as given to ingest, relative to the working directory when inside it.
  file         TEXT NOT NULL UNIQUE,
  sha256       TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  unit         TEXT,
  year         INTEGER,
  printed_unit TEXT CHECK (printed_unit IN ('万元', '元', '亿元')),
  kind         TEXT CHECK (kind IN ('final', 'budget', 'template', 'government_final', 'unknown')),
  status       TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
  error        TEXT,
  page_count   INTEGER,
  producer     TEXT,
  ingested_at  TEXT NOT NULL, -- ISO 8601, UTC
  unit_full    TEXT,   -- the unit's name with more region, as the document's cover prints it
  unit_core    TEXT,   -- unit without its region prefix: the reports matched together
  unit_id      INTEGER REFERENCES units (id), -- NULL: no unit name, or ambiguous
  unit_match   TEXT CHECK (unit_match IN ('name', 'region', 'core', 'ambiguous')),
  CHECK (status = 'ok' OR error IS NOT NULL)
);
CREATE INDEX reports_unit_core ON reports (unit_core);
CREATE INDEX reports_unit_id ON reports (unit_id, year);
CREATE INDEX reports_unit_year ON reports (unit, year);
CREATE INDEX reports_year ON reports (year);

CREATE TABLE tables (
  id              INTEGER PRIMARY KEY,
  report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  table_id        TEXT NOT NULL CHECK (table_id GLOB 'T[1-9]' OR table_id GLOB 'X[0-9]*'),
  ord             INTEGER NOT NULL, -- position in the report
  kind            TEXT NOT NULL CHECK (kind IN ('standard', 'extra')),
  title           TEXT,
  pages           TEXT NOT NULL, -- JSON array of 1-based page numbers
  printed_unit    TEXT CHECK (printed_unit IN ('万元', '元', '亿元')),
  empty           INTEGER CHECK (empty IN (0, 1)),
  empty_statement TEXT,
  columns         TEXT, -- JSON array of {key, name}, or NULL when not read
  UNIQUE (report_id, table_id)
);
CREATE INDEX tables_table_id ON tables (table_id);

CREATE TABLE rows (
  id        INTEGER PRIMARY KEY,
  table_ref INTEGER NOT NULL REFERENCES tables (id) ON DELETE CASCADE,
  key       TEXT NOT NULL,
  name      TEXT,
  level     INTEGER CHECK (level BETWEEN 1 AND 3),
  ord       INTEGER NOT NULL, -- position in the table
  UNIQUE (table_ref, key)
);
CREATE INDEX rows_key ON rows (key);

CREATE TABLE cells (
  id      INTEGER PRIMARY KEY,
  row_ref INTEGER NOT NULL REFERENCES rows (id) ON DELETE CASCADE,
  col_key TEXT NOT NULL,
  ord     INTEGER NOT NULL, -- position in the table's cell list
  value   REAL, -- 万元; NULL = printed empty
  text    TEXT, -- as printed, before parsing
  page    INTEGER,
  bbox    TEXT, -- JSON [x0, y0, x1, y1]
  confidence REAL, -- read by OCR: how sure (0–1); NULL = read from the text layer
  UNIQUE (row_ref, col_key)
);

-- How each page was read: its text layer, or OCR of its image when the text
-- layer is missing or garbled (src/source/health.ts scores it, 0–1).
CREATE TABLE pages (
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  page      INTEGER NOT NULL CHECK (page >= 1),
  route     TEXT NOT NULL CHECK (route IN ('text', 'ocr', 'blank')),
  score     REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
  reasons   TEXT NOT NULL, -- JSON array of strings
  PRIMARY KEY (report_id, page)
);

-- What validation found (src/validate/): one row per finding.
CREATE TABLE findings (
  id              INTEGER PRIMARY KEY,
  report_id       INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  ord             INTEGER NOT NULL,
  rule            TEXT NOT NULL,
  severity        TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  table_id        TEXT,
  row_key         TEXT,
  col_key         TEXT,
  page            INTEGER,
  expected        REAL,
  actual          REAL,
  within_rounding INTEGER NOT NULL CHECK (within_rounding IN (0, 1)),
  message         TEXT NOT NULL,
  refs            TEXT, -- JSON array of {table, row, col}
  identity        TEXT, -- entry of identities.md (X17, N4, H2…)
  section         TEXT, -- narrative findings: the section heading
  quote           TEXT, -- narrative findings: the sentence read
  detail          TEXT, -- how the expected figure was worked out
  ocr             INTEGER CHECK (ocr IN (0, 1)), -- 1: a figure compared was read by OCR
  ocr_confidence  REAL, -- the lowest confidence of those figures (NULL for narrative text)
  -- Cross-year findings (rule year.*): the prior year's report compared with.
  prior_report_id INTEGER REFERENCES reports (id) ON DELETE CASCADE
);
CREATE INDEX findings_report ON findings (report_id);
CREATE INDEX findings_rule ON findings (rule);
CREATE INDEX findings_prior ON findings (prior_report_id);

-- When a report's unit is ambiguous: the units it could be (none is chosen).
CREATE TABLE unit_candidates (
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  unit_id   INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
  PRIMARY KEY (report_id, unit_id)
);

-- The narrative's year-on-year statements ("与上年度相比…增加Δ万元"), checked
-- against last year's report once both are stored (findings year.change).
CREATE TABLE year_changes (
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  ord       INTEGER NOT NULL,
  claim     TEXT NOT NULL,    -- e.g. s1.total.change
  refs      TEXT NOT NULL,    -- JSON array of {table, row, col}: the current-year cells
  delta     REAL NOT NULL,    -- 万元, signed
  text      TEXT NOT NULL,    -- as printed
  unit      TEXT NOT NULL CHECK (unit IN ('万元', '元', '亿元')),
  decimals  INTEGER NOT NULL,
  page      INTEGER NOT NULL,
  section   TEXT NOT NULL,
  quote     TEXT NOT NULL,
  PRIMARY KEY (report_id, ord)
);

-- Function codes' names, one per code across years: a class's current name
-- (210 卫生健康支出, printed 医疗卫生与计划生育支出 before 2018), else the
-- name printed in the latest year stored.
CREATE TABLE function_names (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  year INTEGER -- NULL: the catalogue's class name, never replaced
);

-- One line per cell of every successfully read report: the researcher's view.
CREATE VIEW cell_values AS
SELECT r.file, r.unit, r.year, t.table_id, w.key AS row_key, w.name AS row_name, c.col_key, c.value
FROM cells c
JOIN rows w ON w.id = c.row_ref
JOIN tables t ON t.id = w.table_ref
JOIN reports r ON r.id = t.report_id
WHERE r.status = 'ok';
