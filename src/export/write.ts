// Output: a file written atomically (a reader never sees half an export, and
// a failed export leaves the previous file intact), or stdout.
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs/promises";
import path from "node:path";

/** Joins small pieces into chunks of about this many characters, to keep writes few. */
const CHUNK = 1 << 16;

function* chunked(pieces: Iterable<string>): Generator<string> {
  let buffer = "";
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer !== "") yield buffer;
}

export async function writeFileAtomically(target: string, pieces: Iterable<string>): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const handle = await fs.open(temp, "wx");
  let closed = false;
  try {
    for (const chunk of chunked(pieces)) await handle.write(chunk);
    await handle.sync();
    await handle.close();
    closed = true;
    await fs.rename(temp, target);
  } catch (err) {
    if (!closed) await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw err;
  }
}

export async function writeToStream(stream: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  for (const chunk of chunked(pieces)) {
    if (!stream.write(chunk)) await once(stream, "drain");
  }
}
