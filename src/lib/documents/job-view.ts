import type { DocumentJobSummary } from "./job-repository.ts";

export type ShownStatus = "queued" | "running" | "done" | "failed";

const STATUS_TEXT: Record<ShownStatus, string> = {
  queued: "Waiting to be made",
  running: "Being made",
  done: "Ready to download",
  failed: "Not made",
};

/**
 * What the PDF job page and its status answer show, in the shape the job pages' script reads
 * (application.js: fields, stages, `announce`, `over`). A job whose node went silent is shown as
 * waiting: the page that found it silent has just started it again on its own node.
 */
export function pdfJobModel(job: DocumentJobSummary) {
  const status: ShownStatus = job.status === "running" && job.stale ? "queued" : job.status;
  const over = status === "done" || status === "failed";
  const state =
    status === "done" ? "done" : status === "failed" ? "stopped" : status === "running" ? "active" : "waiting";
  const stateText = { done: "Completed", active: "In progress", stopped: "Stopped", waiting: "Not started" }[state];
  return {
    status,
    statusText: STATUS_TEXT[status],
    over,
    stages: [{ key: "printing", text: "Print the document as a PDF", state, stateText }],
    announce: STATUS_TEXT[status],
  };
}

export type PdfJobModel = ReturnType<typeof pdfJobModel>;
