// pdfjs-dist ships no types for its worker module; all juesuan needs of it is
// that it exports the message handler pdf.js looks up on globalThis.pdfjsWorker.
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
