// A reader thread: reads one PDF at a time for the pool (reader-pool.ts) and
// says so after every page, so that the pool can tell a slow file from a
// reader that hangs. Everything a file can make go wrong comes back as a
// failed report; only a crash of the thread itself is left to the pool.
import { parentPort, workerData } from "node:worker_threads";
import { setOcrWorkers } from "../ocr/pool.js";
import { oneLine } from "./one-line.js";
import { failedReport, processBytes } from "./process-file.js";
import type { FromReader, ReaderSetup, ToReader } from "./reader-messages.js";

const port = parentPort;
if (!port) throw new Error("Expected to run as a worker thread, got the main thread");
const setup = workerData as ReaderSetup;
setOcrWorkers(setup.ocrWorkers);

const send = (message: FromReader): void => port.postMessage(message);

// pdf.js leaves some promises of its own unhandled when a damaged file's
// cross-references fail it (the read that awaits them fails with the same
// error, and the file with it); they must not end the thread.
process.on("unhandledRejection", () => undefined);

port.on("message", (task: ToReader) => {
  const { id, file, sha256, bytes, options } = task;
  const onPage = (page: number, pages: number): void => send({ id, type: "page", page, pages });
  send({ id, type: "start" });
  processBytes(bytes, sha256, file, { ...options, onPage }).then(
    (report) => send({ id, type: "done", report }),
    (err: unknown) => send({ id, type: "done", report: failedReport(file, sha256, `extraction failed: ${oneLine(err)}`) }),
  );
});
