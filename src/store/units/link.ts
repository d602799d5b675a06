// Linking reports to units, in the store's transaction: the reports sharing a
// core name are clustered again whenever one of them is stored or replaced
// (cluster.ts), so the links are the same whatever order files come in; then
// the cross-year findings of those reports are worked out again (years.ts).
import type Database from "better-sqlite3";
import { cluster, type Spelling } from "./cluster.js";
import { normalizeUnitName, parseUnitName } from "./region.js";
import { recheckYears } from "../years.js";

/** The core name reports are grouped by; null for a report without a unit name. */
export function unitCore(unit: string | null): string | null {
  return unit === null || unit.trim() === "" ? null : parseUnitName(unit).core;
}

export type Relink = (cores: Iterable<string | null>) => void;

export function prepareRelink(db: Database.Database): Relink {
  const reportsOf = db.prepare<[string], { id: number; unit: string }>("SELECT id, unit FROM reports WHERE unit_core = ? ORDER BY id");
  const unitsOf = db.prepare<[string], { id: number; name: string }>("SELECT id, name FROM units WHERE core = ?");
  const unlink = db.prepare<[string]>("UPDATE reports SET unit_id = NULL, unit_match = NULL WHERE unit_core = ?");
  const dropCandidates = db.prepare<[string]>("DELETE FROM unit_candidates WHERE report_id IN (SELECT id FROM reports WHERE unit_core = ?)");
  const dropUnit = db.prepare<[number]>("DELETE FROM units WHERE id = ?");
  const updateUnit = db.prepare<[string | null, string | null, string | null, number]>("UPDATE units SET province = ?, city = ?, district = ? WHERE id = ?");
  const insertUnit = db.prepare<[string, string, string | null, string | null, string | null]>(
    "INSERT INTO units (name, core, province, city, district) VALUES (?, ?, ?, ?, ?)",
  );
  const link = db.prepare<[number | null, string, number]>("UPDATE reports SET unit_id = ?, unit_match = ? WHERE id = ?");
  const addCandidate = db.prepare<[number, number]>("INSERT INTO unit_candidates (report_id, unit_id) VALUES (?, ?)");
  const recheck = recheckYears(db);

  function relinkCore(core: string): void {
    const spellings: Spelling[] = reportsOf.all(core).map((r) => ({ reportId: r.id, name: normalizeUnitName(r.unit), region: parseUnitName(r.unit).region }));
    const { units, links } = cluster(spellings);
    dropCandidates.run(core);
    unlink.run(core);
    const existing = new Map(unitsOf.all(core).map((u) => [u.name, u.id]));
    // Units keep their id while their fullest spelling is the same.
    const ids = units.map((u) => {
      const id = existing.get(u.name);
      if (id !== undefined) {
        existing.delete(u.name);
        updateUnit.run(u.region.province, u.region.city, u.region.district, id);
        return id;
      }
      return Number(insertUnit.run(u.name, core, u.region.province, u.region.city, u.region.district).lastInsertRowid);
    });
    for (const id of existing.values()) dropUnit.run(id);
    for (const l of links) {
      link.run(l.unit === null ? null : (ids[l.unit] ?? null), l.match, l.reportId);
      for (const c of l.candidates) addCandidate.run(l.reportId, ids[c] ?? 0);
    }
    recheck(core);
  }

  return (cores) => {
    for (const core of new Set(cores)) if (core !== null) relinkCore(core);
  };
}

/** Every report's unit (the 4 → 5 migration; reports stored before units were). */
export function relinkAll(db: Database.Database): void {
  const reports = db.prepare<[], { id: number; unit: string }>("SELECT id, unit FROM reports WHERE unit IS NOT NULL AND status = 'ok'").all();
  const setCore = db.prepare<[string | null, number]>("UPDATE reports SET unit_core = ? WHERE id = ?");
  for (const r of reports) setCore.run(unitCore(r.unit), r.id);
  prepareRelink(db)(reports.map((r) => unitCore(r.unit)));
}
