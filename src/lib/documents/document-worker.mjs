// Worker thread entry: plain JavaScript so it starts without a loader, then registers tsx to load
// the TypeScript renderers (the same way bin/cpah.js does for the CLI). It does the documents' CPU
// work that would otherwise stall the app's event loop: DOCX, the HTML a PDF is printed from, and
// charts (ECharts' server-side SVG). See document-worker-pool.ts.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { runDocumentTask } = await import("./document-worker-tasks.ts");

parentPort.on("message", async ({ id, task, payload }) => {
  try {
    const result = await runDocumentTask(task, payload);
    if (result instanceof Uint8Array) {
      // A Buffer may be a view of Node's shared pool: copy it into its own buffer to transfer it.
      const data = new Uint8Array(result);
      parentPort.postMessage({ id, ok: true, data }, [data.buffer]);
    } else parentPort.postMessage({ id, ok: true, result });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
