import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "./schema.js";

export interface OpenOptions {
  /** Refuse to create a new database (export reads what ingest wrote). Default false. */
  readonly mustExist?: boolean;
}

/** Opens (creating parent folders and the schema as needed) a juesuan database. */
export function openDatabase(dbPath: string, options: OpenOptions = {}): Database.Database {
  if (options.mustExist) {
    if (!fs.existsSync(dbPath)) throw new Error(`Expected a juesuan database at ${dbPath}, got no such file (run juesuan ingest first)`);
  } else {
    const dir = path.dirname(path.resolve(dbPath));
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new Error(`Expected a folder for the database that can be created, got ${dir} (${errorCode(err)})`);
    }
  }
  let db: Database.Database;
  try {
    db = new Database(dbPath, { fileMustExist: options.mustExist ?? false });
  } catch (err) {
    throw new Error(`Expected a database file that can be opened, got ${dbPath} (${errorCode(err)})`);
  }
  try {
    // WAL: readers (a researcher's sqlite3 shell) do not block an ingest.
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function errorCode(err: unknown): string {
  if (err && typeof err === "object") {
    const { code, message } = err as { code?: unknown; message?: unknown };
    if (typeof code === "string" && code !== "") return code;
    if (typeof message === "string") return message.split("\n")[0] ?? message;
  }
  return String(err);
}
