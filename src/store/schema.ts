// The schema lives in schemas/db.sql; PRAGMA user_version says which version
// a database file has, so a later version can migrate old files in place.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type Database from "better-sqlite3";
import { FUNCTION_CLASSES } from "../recognize/rules/function-classes.js";
import { relinkAll } from "./units/link.js";

export const SCHEMA_VERSION = 5;

/**
 * Steps from version n to n + 1, applied in order to a file of an older
 * version; db.sql always creates the latest layout.
 */
const MIGRATIONS: readonly (string | ((db: Database.Database) => void))[] = [
  // 1 → 2: findings say which identity they check, and where in the narrative they were read.
  `ALTER TABLE findings ADD COLUMN identity TEXT;
   ALTER TABLE findings ADD COLUMN section TEXT;
   ALTER TABLE findings ADD COLUMN quote TEXT;
   ALTER TABLE findings ADD COLUMN detail TEXT;`,
  // 2 → 3: how each page was read (text layer or OCR) and its text layer's health.
  `CREATE TABLE pages (
     report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
     page      INTEGER NOT NULL CHECK (page >= 1),
     route     TEXT NOT NULL CHECK (route IN ('text', 'ocr', 'blank')),
     score     REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
     reasons   TEXT NOT NULL,
     PRIMARY KEY (report_id, page)
   );`,
  // 3 → 4: OCR'd cells keep their confidence; findings say when OCR'd figures were compared.
  `ALTER TABLE cells ADD COLUMN confidence REAL;
   ALTER TABLE findings ADD COLUMN ocr INTEGER CHECK (ocr IN (0, 1));
   ALTER TABLE findings ADD COLUMN ocr_confidence REAL;`,
  // 4 → 5: units across years and spellings, the narrative's year-on-year
  // statements, cross-year findings, function names, the researcher's views.
  // Old reports are linked to units now; their year-on-year statements were
  // not kept, so year.change needs them read again (ingest --force).
  (db) => {
    db.exec(`ALTER TABLE reports ADD COLUMN unit_full TEXT;
      ALTER TABLE reports ADD COLUMN unit_core TEXT;
      ALTER TABLE reports ADD COLUMN unit_id INTEGER REFERENCES units (id);
      ALTER TABLE reports ADD COLUMN unit_match TEXT CHECK (unit_match IN ('name', 'region', 'core', 'ambiguous'));
      ALTER TABLE findings ADD COLUMN prior_report_id INTEGER REFERENCES reports (id) ON DELETE CASCADE;`);
    db.exec(sqlBetween(loadSql("db.sql"), "CREATE TABLE units", "CREATE TABLE reports"));
    db.exec(sqlBetween(loadSql("db.sql"), "CREATE INDEX reports_unit_core", "CREATE INDEX reports_unit_year"));
    db.exec(sqlBetween(loadSql("db.sql"), "CREATE INDEX findings_prior", "-- One line per cell"));
    db.exec(loadSql("views.sql"));
    seedFunctionNames(db);
    relinkAll(db);
  },
];

/** The statements of a schema file from one marker up to (not including) another. */
function sqlBetween(sql: string, from: string, to: string): string {
  const start = sql.indexOf(from);
  const end = sql.indexOf(to, start);
  if (start < 0 || end < 0) throw new Error(`Expected "${from}" before "${to}" in the schema, got none`);
  return sql.slice(start, end);
}

/** The classes' current names (function-classes.ts): never replaced by a printed one. */
function seedFunctionNames(db: Database.Database): void {
  const insert = db.prepare("INSERT OR REPLACE INTO function_names (code, name, year) VALUES (?, ?, NULL)");
  for (const c of FUNCTION_CLASSES) insert.run(c.code, `${c.names[0] ?? ""}支出`);
}

const schemaFiles = new Map<string, string>();

/** The schema files sit at <repo>/schemas/; this module runs from src/store (tests) or dist/src/store (built). */
function loadSql(file: string): string {
  const known = schemaFiles.get(file);
  if (known !== undefined) return known;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "schemas", file);
    if (fs.existsSync(candidate)) {
      const sql = fs.readFileSync(candidate, "utf8");
      schemaFiles.set(file, sql);
      return sql;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Expected schemas/${file} above the store module, got none`);
    dir = parent;
  }
}

export function migrate(db: Database.Database): void {
  const version = db.pragma("user_version", { simple: true });
  if (typeof version !== "number") throw new Error(`Expected a numeric user_version, got ${String(version)}`);
  const latest = SCHEMA_VERSION;
  if (version === latest) return;
  if (version > latest) {
    throw new Error(`Expected a database of schema version ${latest} or older, got ${version} (written by a newer juesuan)`);
  }
  if (MIGRATIONS.length !== latest - 1) throw new Error(`Expected ${latest - 1} migrations, got ${MIGRATIONS.length}`);
  db.transaction(() => {
    if (version === 0) {
      const existing = db.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number };
      if (existing.n > 0) throw new Error("Expected an empty or juesuan database, got one with other tables and no schema version");
      db.exec(loadSql("db.sql"));
      db.exec(loadSql("views.sql"));
      seedFunctionNames(db);
    } else {
      for (const step of MIGRATIONS.slice(version - 1)) {
        if (typeof step === "string") db.exec(step);
        else step(db);
      }
    }
    db.pragma(`user_version = ${latest}`);
  })();
}
