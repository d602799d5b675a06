// juesuan charts: the researcher's views of a database (report_totals,
// function_spending) drawn as one self-contained HTML page of SVG charts.
import { performance } from "node:perf_hooks";
import { writeFileAtomically } from "../export/write.js";
import { chartsHtml } from "./html.js";
import { buildModel } from "./model.js";
import { readChartData } from "./query.js";

export interface ChartsOptions {
  readonly dbPath: string;
  readonly out: string;
}

export interface ChartsSummary {
  /** Reports read (rows of report_totals). */
  readonly reports: number;
  readonly units: number;
  readonly unmatched: number;
  readonly classes: number;
  /** Unit-years with more than one report, shown from the latest. */
  readonly superseded: number;
  /** Size of the HTML file written. */
  readonly bytes: number;
  readonly seconds: number;
}

export async function writeCharts(options: ChartsOptions): Promise<ChartsSummary> {
  const started = performance.now();
  const model = buildModel(readChartData(options.dbPath));
  const pieces = [...chartsHtml({ db: options.dbPath, generatedAt: new Date().toISOString(), model })];
  await writeFileAtomically(options.out, pieces);
  return {
    reports: model.reports,
    units: model.units.length,
    unmatched: model.units.filter((u) => !u.matched).length,
    classes: model.classes.length,
    superseded: model.units.reduce((n, u) => n + u.superseded.length, 0),
    bytes: pieces.reduce((n, p) => n + Buffer.byteLength(p), 0),
    seconds: (performance.now() - started) / 1000,
  };
}
