/** pdf.js's worker code, loaded into the reading worker as its "fake worker" (components/batch/reader.worker.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
