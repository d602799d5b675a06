// The schema lives in schemas/db.sql; PRAGMA user_version says which version
// a database file has, so a later version can migrate old files in place.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type Database from "better-sqlite3";

export const SCHEMA_VERSION = 4;

/**
 * Steps from version n to n + 1, applied in order to a file of an older
 * version; db.sql always creates the latest layout.
 */
const MIGRATIONS: readonly string[] = [
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
];

let schemaSql: string | undefined;

/** db.sql sits at <repo>/schemas/; this module runs from src/store (tests) or dist/src/store (built). */
function loadSchemaSql(): string {
  if (schemaSql !== undefined) return schemaSql;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "schemas", "db.sql");
    if (fs.existsSync(candidate)) return (schemaSql = fs.readFileSync(candidate, "utf8"));
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("Expected schemas/db.sql above the store module, got none");
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
      db.exec(loadSchemaSql());
    } else {
      for (const step of MIGRATIONS.slice(version - 1)) db.exec(step);
    }
    db.pragma(`user_version = ${latest}`);
  })();
}
