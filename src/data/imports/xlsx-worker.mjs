// Worker thread entry for reading workbooks (.xlsx, and .xls through xls-read.ts): plain
// JavaScript so it starts without a loader, then registers tsx to load the TypeScript reader
// (as lib/documents/document-worker.mjs does).
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { readXlsxInProcess } = await import("./xlsx-read.ts");
const { ZipRefused } = await import("./zip-guard.ts");

/** Rows go back in batches, so the main thread takes each in a short turn of its event loop. */
const BATCH = 5000;

parentPort.on("message", async ({ id, bytes, sheet }) => {
  try {
    const rows = await readXlsxInProcess(bytes, sheet);
    for (let i = 0; i < rows.length; i += BATCH)
      parentPort.postMessage({ id, type: "rows", rows: rows.slice(i, i + BATCH) });
    parentPort.postMessage({ id, type: "done" });
  } catch (error) {
    parentPort.postMessage({
      id,
      type: "error",
      refused: error instanceof ZipRefused ? error.reason : null,
      // A damaged workbook can break the reader itself (a TypeError about `undefined`): that says
      // nothing to the person who uploaded it, so it is called damaged instead.
      message:
        error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError
          ? "it is damaged, or not a workbook the reader understands"
          : error instanceof Error
            ? error.message
            : String(error),
    });
  }
});
