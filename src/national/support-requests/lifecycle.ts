import { type RequestStatus, type Urgency, urgencyDays } from "./vocabulary.ts";
import { addDays } from "../../kernel/time.ts";

/**
 * The request life cycle's rules, in one place. The coordinator triages (assign, decline,
 * merge); the assigned body moves it on (in progress, done, or back to in progress); the
 * partnership closes it, with a rating, once done. Closed, declined and merged are final.
 */
export const finalStatuses: readonly RequestStatus[] = ["closed", "declined", "merged"];

export function canAssign(status: RequestStatus): boolean {
  return status === "new" || status === "triaged" || status === "in-progress";
}

export function canDecline(status: RequestStatus): boolean {
  return status === "new" || status === "triaged";
}

export function canMerge(status: RequestStatus): boolean {
  return status === "new" || status === "triaged";
}

/** The statuses the hub side may move an assigned request to from `status`. */
export function hubMoves(status: RequestStatus): RequestStatus[] {
  switch (status) {
    case "triaged":
      return ["in-progress", "done"];
    case "in-progress":
      return ["done"];
    case "done":
      return ["in-progress"];
    default:
      return [];
  }
}

export function canClose(status: RequestStatus): boolean {
  return status === "done";
}

/** Either side may write while the request is open or done; final requests are read-only. */
export function canReply(status: RequestStatus): boolean {
  return !finalStatuses.includes(status);
}

/** The date by which the support should be given, from the day it was asked for. */
export function dueByFor(requestedOn: string, urgency: Urgency): string {
  return addDays(requestedOn, urgencyDays[urgency]);
}

/** Open and past its due date. */
export function isOverdue(request: { status: string; dueBy: string }, today: string): boolean {
  return (["new", "triaged", "in-progress"] as string[]).includes(request.status) && request.dueBy < today;
}
