// The machine's own scaling, measured beside the batch: the same pure
// JavaScript work (a sieve, cache-sized, no I/O, little garbage) run on one
// thread and spread over several. On a VM whose cores are shared, this bounds
// what any reader pool can gain from a second thread.
import { Worker } from "node:worker_threads";

/** Units of work of the run; each takes some 3 ms on one core here (the run some 10 s). */
export const COMPUTE_TASKS = 3000;

const TASK = `
const { parentPort, workerData } = require("node:worker_threads");
let found = 0;
for (let t = 0; t < workerData.tasks; t++) {
  const sieve = new Uint8Array(400000);
  for (let i = 2; i < sieve.length; i++) {
    if (sieve[i]) continue;
    found++;
    for (let j = i * 2; j < sieve.length; j += i) sieve[j] = 1;
  }
}
parentPort.postMessage(found);
`;

/** Runs COMPUTE_TASKS tasks on `threads` worker threads; resolves with the number of tasks run. */
export async function compute(threads: number): Promise<number> {
  const shares = Array.from({ length: threads }, (_, i) => Math.floor(COMPUTE_TASKS / threads) + (i < COMPUTE_TASKS % threads ? 1 : 0));
  await Promise.all(
    shares.map(
      (tasks) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(TASK, { eval: true, workerData: { tasks } });
          worker.once("message", () => void worker.terminate().then(() => resolve()));
          worker.once("error", reject);
        }),
    ),
  );
  return COMPUTE_TASKS;
}
