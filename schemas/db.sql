-- juesuan SQLite schema, version 3 (src/store/schema.ts sets PRAGMA user_version).
-- One row per ingested file in `reports`; its canonical tables, rows and cells
-- hang below it and go with it (ON DELETE CASCADE), so replacing a report is
-- one DELETE plus inserts inside one transaction.
-- JSON columns hold arrays exactly as in schemas/canonical.ts and are checked
-- with zod when read back.

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
  CHECK (status = 'ok' OR error IS NOT NULL)
);
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
  ocr_confidence  REAL  -- the lowest confidence of those figures (NULL for narrative text)
);
CREATE INDEX findings_report ON findings (report_id);
CREATE INDEX findings_rule ON findings (rule);

-- One line per cell of every successfully read report: the researcher's view.
CREATE VIEW cell_values AS
SELECT r.file, r.unit, r.year, t.table_id, w.key AS row_key, w.name AS row_name, c.col_key, c.value
FROM cells c
JOIN rows w ON w.id = c.row_ref
JOIN tables t ON t.id = w.table_ref
JOIN reports r ON r.id = t.report_id
WHERE r.status = 'ok';
