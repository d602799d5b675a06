// Which files an ingest reads: explicit files as given, folders walked
// recursively for *.pdf (any case). Sorted, so runs and their output repeat.
import fs from "node:fs/promises";
import path from "node:path";

/** A path argument that does not exist or cannot be read: the caller's mistake, not a file's failure. */
export class InputError extends Error {
  override readonly name = "InputError";
}

const PDF_NAME = /\.pdf$/i;

export async function listPdfFiles(inputs: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const input of inputs) {
    const abs = path.resolve(input);
    const stat = await fs.stat(abs).catch((err: NodeJS.ErrnoException) => {
      throw new InputError(`Expected a file or folder, got ${input} (${err.code ?? err.message})`);
    });
    if (stat.isDirectory()) for (const file of await walk(abs)) found.add(file);
    else found.add(abs);
  }
  return [...found].sort(byCodePoint);
}

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    throw new InputError(`Expected a readable folder, got ${dir} (${err.code ?? err.message})`);
  });
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // Symlinked folders are not followed (no cycles); symlinked files are.
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (PDF_NAME.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && (await isFile(full))))) files.push(full);
  }
  return files;
}

async function isFile(p: string): Promise<boolean> {
  return fs.stat(p).then((s) => s.isFile(), () => false);
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The `file` a report is stored under: relative to the working directory when inside it, POSIX separators. */
export function storedPath(abs: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, abs);
  const inside = rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
  return (inside ? rel : abs).split(path.sep).join("/");
}
