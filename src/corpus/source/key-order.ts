// zod rebuilds objects in schema order; findings are kept verbatim, so their
// keys go back into the order they were written in.

export function inOrderOf<T extends object>(raw: unknown, parsed: T): T {
  if (raw === null || typeof raw !== "object") return parsed;
  const values = parsed as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(raw)) if (k in values) out[k] = values[k];
  for (const [k, v] of Object.entries(values)) if (!(k in out)) out[k] = v;
  return out as T;
}

export function findingsInOrder<T extends object>(raw: unknown, parsed: readonly T[]): T[] {
  const list = Array.isArray(raw) ? (raw as unknown[]) : [];
  return parsed.map((f, i) => inOrderOf(list[i], f));
}
