// Linking reports to units, in the store's transaction: the reports sharing a
// core name are clustered again whenever one of them is stored or replaced
// (cluster.ts), so the links are the same whatever order files come in; then
// the cross-year findings of the units a report joined or left are worked out
// again (years.ts).
import type Database from "better-sqlite3";
import { cluster, type Spelling } from "./cluster.js";
import { normalizeUnitName, parseUnitName } from "../../recognize/unit-region.js";
import { recheckYears } from "../years.js";

/** The core name reports are grouped by; null for a report without a unit name. */
export function unitCore(unit: string | null): string | null {
  return unit === null || unit.trim() === "" ? null : parseUnitName(unit).core;
}

export type Relink = (cores: Iterable<string | null>) => void;

export function prepareRelink(db: Database.Database): Relink {
  const reportsOf = db.prepare<[string], { id: number; unit: string; unit_full: string | null; unit_id: number | null; unit_match: string | null }>(
    "SELECT id, unit, unit_full, unit_id, unit_match FROM reports WHERE unit_core = ? ORDER BY id",
  );
  const unitsOf = db.prepare<[string], { id: number; name: string }>("SELECT id, name FROM units WHERE core = ?");
  const candidatesOf = db.prepare<[number], { unit_id: number }>("SELECT unit_id FROM unit_candidates WHERE report_id = ? ORDER BY unit_id");
  const dropCandidates = db.prepare<[number]>("DELETE FROM unit_candidates WHERE report_id = ?");
  const dropUnit = db.prepare<[number]>("DELETE FROM units WHERE id = ?");
  const updateUnit = db.prepare<[string | null, string | null, string | null, number]>("UPDATE units SET province = ?, city = ?, district = ? WHERE id = ?");
  const insertUnit = db.prepare<[string, string, string | null, string | null, string | null]>(
    "INSERT INTO units (name, core, province, city, district) VALUES (?, ?, ?, ?, ?)",
  );
  const link = db.prepare<[number | null, string, number]>("UPDATE reports SET unit_id = ?, unit_match = ? WHERE id = ?");
  const addCandidate = db.prepare<[number, number]>("INSERT INTO unit_candidates (report_id, unit_id) VALUES (?, ?)");
  const recheck = recheckYears(db);

  function relinkCore(core: string): void {
    const reports = reportsOf.all(core);
    const before = new Map(reports.map((r) => [r.id, r]));
    // The document's fuller spelling (its cover) says where a short printed name is.
    const spellings: Spelling[] = reports.map((r) => ({
      reportId: r.id, name: normalizeUnitName(r.unit_full ?? r.unit), printed: normalizeUnitName(r.unit), region: parseUnitName(r.unit_full ?? r.unit).region,
    }));
    const { units, links } = cluster(spellings);
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
    // Only the reports whose link changed are written (a common name, 财政局, has hundreds),
    // and only the units a report joined or left have new pairs of years to compare.
    const moved = new Set<number>();
    const touched = new Set<number>();
    for (const l of links) {
      const unitId = l.unit === null ? null : (ids[l.unit] ?? null);
      const was = before.get(l.reportId);
      const candidates = l.candidates.map((c) => ids[c] ?? 0).sort((a, b) => a - b);
      if (was?.unit_id !== unitId || was.unit_match !== l.match) link.run(unitId, l.match, l.reportId);
      if (l.candidates.length > 0 || was?.unit_match === "ambiguous") {
        if (candidatesOf.all(l.reportId).map((c) => c.unit_id).join() !== candidates.join()) {
          dropCandidates.run(l.reportId);
          for (const c of candidates) addCandidate.run(l.reportId, c);
        }
      }
      if ((was?.unit_id ?? null) === unitId) continue;
      moved.add(l.reportId);
      for (const u of [was?.unit_id ?? null, unitId]) if (u !== null) touched.add(u);
    }
    // A unit no spelling leads to any more goes, once nothing points at it.
    for (const id of existing.values()) dropUnit.run(id);
    recheck(touched, moved);
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
