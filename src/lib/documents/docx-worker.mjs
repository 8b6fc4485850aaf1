// Worker thread entry: plain JavaScript so it starts without a loader, then registers tsx to load
// the TypeScript renderer (the same way bin/cpah.js does for the CLI).
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { renderDocumentDocxInProcess } = await import("./docx-renderer.ts");

parentPort.on("message", async ({ id, input }) => {
  try {
    const buffer = await renderDocumentDocxInProcess(input);
    parentPort.postMessage({ id, ok: true, data: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
