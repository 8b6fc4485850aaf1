import type { ImportJobRow } from "./job-repository.ts";
import type { ImportJobStage } from "./tables.ts";
import type { ProgressState } from "./job-repository.ts";

export type ShownStatus = "queued" | "running" | "done" | "failed" | "stopped";

const STAGES: { key: ImportJobStage; text: string }[] = [
  { key: "reading", text: "Read and check the file" },
  { key: "writing", text: "Write the values" },
  { key: "analysing", text: "Update the statistics used to find values" },
];
const ORDER: ImportJobStage[] = ["waiting", "reading", "writing", "analysing", "finished"];

const STATUS_TEXT: Record<ShownStatus, string> = {
  queued: "Waiting for another import to finish",
  running: "Running",
  done: "Imported",
  failed: "Not imported",
  stopped: "Stopped: nothing was written",
};

/**
 * What the job page and its status answer show. `live` is this node's own knowledge of a job it
 * runs (fresher than the row); `alive` says whether the job's node still vouches for it: for
 * this node, whether it is running it; for another, whether its heartbeat is recent.
 */
export function jobStatusModel(
  job: ImportJobRow,
  live: (ProgressState & { over: boolean }) | undefined,
  alive: boolean,
) {
  const over = job.status === "done" || job.status === "failed";
  const status: ShownStatus = over ? job.status : alive ? job.status : "stopped";
  const progress = !over && live && !live.over ? live : job;
  const rowsTotal = progress.rowsTotal ?? null;
  const at = ORDER.indexOf(over ? "finished" : progress.stage);
  const writing = progress.stage === "writing" && rowsTotal;
  const percentage =
    job.status === "done"
      ? 100
      : writing
        ? Math.min(100, Math.floor((progress.rowsDone / rowsTotal) * 100))
        : at > 2
          ? 100
          : 0;
  const stages = STAGES.map((stage) => {
    const index = ORDER.indexOf(stage.key);
    const state =
      status === "done" || index < at
        ? "done"
        : index === at && status === "running"
          ? "active"
          : index === at && (status === "failed" || status === "stopped")
            ? "stopped"
            : "waiting";
    return { key: stage.key, text: stage.text, state, stateText: STATE_TEXT[state] };
  });
  const current = stages.find((stage) => stage.state === "active");
  const rowsText =
    rowsTotal !== null && at >= ORDER.indexOf("writing")
      ? `${Math.min(progress.rowsDone, rowsTotal).toLocaleString("en-GB")} of ${rowsTotal.toLocaleString("en-GB")}`
      : "Not started";
  return {
    status,
    statusText: STATUS_TEXT[status],
    over: status !== "queued" && status !== "running",
    stages,
    rowsText,
    percentage,
    /** What the live region says: changes by stage and by tenths, so a screen reader is not talked over. */
    announce:
      status === "running" && current
        ? current.key === "writing"
          ? `Writing the values: ${Math.floor(percentage / 10) * 10}% done`
          : `${current.text}: in progress`
        : STATUS_TEXT[status],
  };
}

const STATE_TEXT = { done: "Completed", active: "In progress", stopped: "Stopped", waiting: "Not started" } as const;

export type JobStatusModel = ReturnType<typeof jobStatusModel>;
