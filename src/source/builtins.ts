// pdf.js's legacy build (the one that runs on Node 20) carries core-js, which
// replaces Array.prototype.push, JSON.parse and JSON.stringify with
// JavaScript versions, for spec corners (a non-writable array length, JSON
// source text access) that neither pdf.js nor juesuan relies on. Every push
// and every JSON call in the process then runs as slow script: about a fifth
// of a text-layer ingest. They are captured here, before pdf.js loads (this
// module is imported first), and put back once it has.
const NATIVE = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

const isNative = (f: unknown): boolean => typeof f === "function" && Function.prototype.toString.call(f).includes("[native code]");

/** Puts the engine's own push, JSON.parse and JSON.stringify back (a no-op if they were not captured as native). */
export function restoreBuiltins(): void {
  if (isNative(NATIVE.push)) Array.prototype.push = NATIVE.push;
  if (isNative(NATIVE.parse)) JSON.parse = NATIVE.parse;
  if (isNative(NATIVE.stringify)) JSON.stringify = NATIVE.stringify;
}

/** Whether push, JSON.parse and JSON.stringify are the engine's own. */
export const builtinsAreNative = (): boolean => isNative(Array.prototype.push) && isNative(JSON.parse) && isNative(JSON.stringify);
