// Splits a placed table's body blocks over pages. The first slice gets what
// is left of the current page; later slices a full page each, with or
// without the header again.

export interface Slice {
  /** Starts on a fresh page (every slice but possibly the first). */
  readonly newPage: boolean;
  readonly withHeader: boolean;
  /** Indices into the body blocks. */
  readonly rows: readonly number[];
}

export interface PaginateInput {
  readonly headerHeight: number;
  readonly rowHeights: readonly number[];
  /** Height left on the current page. */
  readonly firstAvailable: number;
  /** Height of an empty page. */
  readonly pageAvailable: number;
  readonly repeatHeader: boolean;
  /** At most this many rows per slice: forces a split as long tables in real reports show. */
  readonly maxRows?: number;
}

export function paginate(p: PaginateInput): Slice[] {
  const slices: Slice[] = [];
  let i = 0;
  let first = true;
  while (i < p.rowHeights.length || first) {
    const withHeader = first || p.repeatHeader;
    let avail = (first ? p.firstAvailable : p.pageAvailable) - (withHeader ? p.headerHeight : 0);
    const newPage = !first;
    const rows: number[] = [];
    while (i < p.rowHeights.length && rows.length < (p.maxRows ?? Infinity)) {
      const h = p.rowHeights[i] ?? 0;
      // A row taller than a whole page still goes somewhere.
      const canDefer = rows.length > 0 || (!newPage && p.firstAvailable < p.pageAvailable);
      if (h > avail && canDefer) break;
      rows.push(i);
      avail -= h;
      i++;
    }
    if (first && rows.length === 0 && p.rowHeights.length > 0) {
      // Not even one row fits under the header: start the table on a fresh page.
      slices.push(...paginate({ ...p, firstAvailable: p.pageAvailable }).map((s, k) => (k === 0 ? { ...s, newPage: true } : s)));
      return slices;
    }
    slices.push({ newPage, withHeader, rows });
    first = false;
  }
  return slices;
}
