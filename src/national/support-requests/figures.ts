import { driverLabel, topDriver } from "../../cycle/actions/index.ts";
import { supportTypeLabel, supportTypes } from "../support-offer/index.ts";
import { isOverdue } from "./lifecycle.ts";
import type { RequestStatus } from "./vocabulary.ts";

/** The fields the figures read from a request. */
export interface FigureRequest {
  status: string;
  supportType: string;
  drivers: string[];
  dueBy: string;
  assignedOrganisationId: string | null;
  assignedName: string | null;
  createdAt: Date;
  firstResponseAt: Date | null;
}

export interface UnmetRow {
  label: string;
  declined: number;
  unassigned: number;
  overdue: number;
  total: number;
}

export interface RequestFigures {
  requests: number;
  firstResponse: { responded: number; waiting: number; medianDays: number | null; p90Days: number | null };
  openByProvider: { name: string; assigned: number; inProgress: number; awaitingClose: number; total: number }[];
  unmetByType: UnmetRow[];
  unmetByDriver: UnmetRow[];
  unmetTotal: UnmetRow;
}

const DAY_MS = 86_400_000;

/** Nearest-rank percentile of sorted values (p in 0–100). */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

type UnmetKind = "declined" | "unassigned" | "overdue";

/** Which kind of unmet demand a request is, if any (declined, never assigned, or open past its due date). */
export function unmetKind(request: FigureRequest, today: string): UnmetKind | null {
  if (request.status === "declined") return "declined";
  if (request.status === "new") return "unassigned";
  return isOverdue(request, today) ? "overdue" : null;
}

function tally(rows: Map<string, UnmetRow>, label: string, kind: UnmetKind) {
  const row = rows.get(label) ?? { label, declined: 0, unassigned: 0, overdue: 0, total: 0 };
  row[kind] += 1;
  row.total += 1;
  rows.set(label, row);
}

/**
 * The group's figures over the requests given (the caller picks the period): time to first
 * response, open requests by provider, and unmet demand by support type and by driver. A
 * request tagged with two drivers counts once under each; one with none under "No driver given".
 */
export function requestFigures(requests: FigureRequest[], today: string): RequestFigures {
  const days = requests
    .filter((request) => request.firstResponseAt)
    .map((request) => (request.firstResponseAt!.getTime() - request.createdAt.getTime()) / DAY_MS)
    .sort((a, b) => a - b);
  const waiting = requests.filter(
    (request) => !request.firstResponseAt && (["new", "triaged", "in-progress"] as string[]).includes(request.status),
  ).length;

  const providers = new Map<string, RequestFigures["openByProvider"][number]>();
  for (const request of requests) {
    const status = request.status as RequestStatus;
    if (!["triaged", "in-progress", "done"].includes(status) || !request.assignedOrganisationId) continue;
    const name = request.assignedName ?? "Unknown body";
    const row = providers.get(name) ?? { name, assigned: 0, inProgress: 0, awaitingClose: 0, total: 0 };
    if (status === "triaged") row.assigned += 1;
    if (status === "in-progress") row.inProgress += 1;
    if (status === "done") row.awaitingClose += 1;
    row.total += 1;
    providers.set(name, row);
  }

  const byType = new Map<string, UnmetRow>(
    supportTypes.map((type) => [type.label, { label: type.label, declined: 0, unassigned: 0, overdue: 0, total: 0 }]),
  );
  const byDriver = new Map<string, UnmetRow>();
  const total: UnmetRow = { label: "All requests", declined: 0, unassigned: 0, overdue: 0, total: 0 };
  for (const request of requests) {
    const kind = unmetKind(request, today);
    if (!kind) continue;
    tally(byType, supportTypeLabel(request.supportType), kind);
    const drivers = [...new Set(request.drivers.map(topDriver))];
    for (const driver of drivers.length ? drivers : [null])
      tally(byDriver, driver ? driverLabel(driver) : "No driver given", kind);
    total[kind] += 1;
    total.total += 1;
  }

  return {
    requests: requests.length,
    firstResponse: { responded: days.length, waiting, medianDays: median(days), p90Days: percentile(days, 90) },
    openByProvider: [...providers.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)),
    unmetByType: [...byType.values()],
    unmetByDriver: [...byDriver.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label)),
    unmetTotal: total,
  };
}
