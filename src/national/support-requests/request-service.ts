import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import { londonToday } from "../../kernel/time.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { findOrganisation } from "../../workspace/organisations/index.ts";

import { findMember } from "../partners-group/index.ts";
import { canAssign, canClose, canDecline, canMerge, canReply, dueByFor, hubMoves } from "./lifecycle.ts";
import * as repo from "./repository.ts";
import type { CloseForm, ReplyForm, RequestForm } from "./schemas.ts";
import { type RequestStatus, requestStatusLabels } from "./vocabulary.ts";

/** Who writes an entry in the thread. */
export interface Author {
  userId: string | null;
  name: string;
  organisationId: string;
}

/** What happened, for notifications after the change is committed. */
export interface RequestEvent {
  kind: "created" | "assigned" | "declined" | "merged" | "message" | "status" | "closed";
  request: repo.RequestRow;
  side: "local" | "hub";
  /** A private note: nobody on the local side is told. */
  isPrivate?: boolean;
}

const changedMeanwhile = () =>
  new AppError("CONFLICT", "This request was changed by someone else while you were working on it: open it again");

async function write(
  tx: Executor,
  request: repo.RequestRow,
  author: Author,
  entry: { kind: "message" | "note" | "event"; side: "local" | "hub"; body: string; statusChange?: string | null },
) {
  const organisation = await findOrganisation(tx, author.organisationId);
  return repo.insertMessage(tx, {
    requestId: request.id,
    kind: entry.kind,
    side: entry.side,
    authorUserId: author.userId,
    authorName: author.name,
    authorOrganisation: organisation?.name ?? "",
    body: entry.body,
    statusChange: entry.statusChange ?? null,
    isPrivate: entry.kind === "note",
  });
}

function audited(
  tx: Executor,
  audit: AuditContext,
  action: string,
  before: repo.RequestRow | null,
  after: repo.RequestRow,
) {
  return recordAudit(tx, audit, {
    action: `support-request.${action}`,
    entityType: "support_request",
    entityId: after.id,
    partnershipId: after.partnershipId,
    before: before ? { status: before.status, assignedOrganisationId: before.assignedOrganisationId } : null,
    after: {
      status: after.status,
      assignedOrganisationId: after.assignedOrganisationId,
      supportType: after.supportType,
      topic: after.topic,
    },
  });
}

export async function createRequest(
  db: Db,
  audit: AuditContext,
  input: { groupId: string; partnershipId: string; author: Author; form: RequestForm; today?: string },
): Promise<RequestEvent> {
  const { form } = input;
  return db.transaction(async (tx) => {
    if (form.preferredMemberId && !(await findMember(tx, input.groupId, form.preferredMemberId))) {
      throw AppError.validation([{ field: "preferredMemberId", message: "Select a provider from the list, or any" }]);
    }
    const row = await repo.insertRequest(tx, {
      groupId: input.groupId,
      partnershipId: input.partnershipId,
      requestedBy: input.author.userId,
      requesterName: input.author.name,
      supportType: form.supportType,
      topic: form.topic,
      drivers: [...new Set(form.drivers)],
      urgency: form.urgency,
      preferredMemberId: form.preferredMemberId || null,
      details: form.details,
      status: "new",
      dueBy: dueByFor(input.today ?? londonToday(), form.urgency),
    });
    await write(tx, row, input.author, {
      kind: "event",
      side: "local",
      body: "Support requested",
      statusChange: "new",
    });
    await audited(tx, audit, "create", null, row);
    return { kind: "created", request: row, side: "local" };
  });
}

/** The coordinator assigns (or re-assigns) a request to a member body; a note goes to the partnership. */
export async function assignRequest(
  db: Db,
  audit: AuditContext,
  request: repo.RequestView,
  author: Author,
  form: { memberId: string; note: string },
): Promise<RequestEvent> {
  if (!canAssign(request.status as RequestStatus))
    throw new AppError(
      "CONFLICT",
      `A request that is ${requestStatusLabels[request.status as RequestStatus].toLowerCase()} cannot be assigned`,
    );
  return db.transaction(async (tx) => {
    const member = await findMember(tx, request.groupId, form.memberId);
    if (!member) throw AppError.validation([{ field: "memberId", message: "Select a member body of the group" }]);
    const status: RequestStatus = request.status === "new" ? "triaged" : (request.status as RequestStatus);
    const now = new Date();
    const publicNote = form.note.trim();
    const after = await repo.updateRequestFrom(tx, request.id, request.status, {
      status,
      assignedOrganisationId: member.organisationId,
      triagedAt: request.triagedAt ?? now,
      ...(publicNote && !request.firstResponseAt ? { firstResponseAt: now } : {}),
    });
    if (!after) throw changedMeanwhile();
    await write(tx, after, author, {
      kind: "event",
      side: "hub",
      body: `Assigned to ${member.organisationName}`,
      statusChange: status === request.status ? null : status,
    });
    if (publicNote) await write(tx, after, author, { kind: "message", side: "hub", body: publicNote });
    await audited(tx, audit, "assign", request, after);
    return { kind: "assigned", request: after, side: "hub" };
  });
}

export async function declineRequest(
  db: Db,
  audit: AuditContext,
  request: repo.RequestView,
  author: Author,
  reason: string,
): Promise<RequestEvent> {
  if (!canDecline(request.status as RequestStatus))
    throw new AppError("CONFLICT", "Only a new or assigned request can be declined");
  return db.transaction(async (tx) => {
    const now = new Date();
    const after = await repo.updateRequestFrom(tx, request.id, request.status, {
      status: "declined",
      declineReason: reason,
      firstResponseAt: request.firstResponseAt ?? now,
    });
    if (!after) throw changedMeanwhile();
    await write(tx, after, author, {
      kind: "event",
      side: "hub",
      body: `Declined: ${reason}`,
      statusChange: "declined",
    });
    await audited(tx, audit, "decline", request, after);
    return { kind: "declined", request: after, side: "hub" };
  });
}

/** A duplicate of another request of the same partnership is merged into it; both threads say so. */
export async function mergeRequest(
  db: Db,
  audit: AuditContext,
  request: repo.RequestView,
  author: Author,
  targetId: string,
): Promise<RequestEvent> {
  if (!canMerge(request.status as RequestStatus))
    throw new AppError("CONFLICT", "Only a new or assigned request can be merged");
  return db.transaction(async (tx) => {
    const target = (await repo.mergeTargets(tx, request)).find((row) => row.id === targetId);
    if (!target) {
      throw AppError.validation([
        { field: "targetId", message: "Select an open request of the same partnership that this one duplicates" },
      ]);
    }
    const after = await repo.updateRequestFrom(tx, request.id, request.status, {
      status: "merged",
      mergedIntoId: target.id,
    });
    if (!after) throw changedMeanwhile();
    await write(tx, after, author, {
      kind: "event",
      side: "hub",
      body: `Merged into "${target.topic}", which asks for the same support`,
      statusChange: "merged",
    });
    await write(tx, target, author, {
      kind: "event",
      side: "hub",
      body: `"${request.topic}" was merged into this request`,
    });
    await audited(tx, audit, "merge", request, after);
    return { kind: "merged", request: after, side: "hub" };
  });
}

/**
 * A message in the thread. The hub side may instead write a private note, and may move an
 * assigned request on (in progress, done, back to in progress). The caller has authorized the
 * author for the side.
 */
export async function postMessage(
  db: Db,
  audit: AuditContext,
  request: repo.RequestView,
  author: Author,
  side: "local" | "hub",
  form: ReplyForm,
): Promise<RequestEvent> {
  const status = request.status as RequestStatus;
  if (!canReply(status)) throw new AppError("CONFLICT", "This request is finished, so the thread is closed");
  const kind = side === "hub" && form.visibility === "note" ? "note" : "message";
  const moveTo = side === "hub" ? (form.moveTo as RequestStatus | "") : "";
  if (moveTo && !hubMoves(status).includes(moveTo)) {
    throw AppError.validation([
      {
        field: "moveTo",
        message:
          status === "new"
            ? "Assign the request to a body before moving it on"
            : `A request that is ${requestStatusLabels[status].toLowerCase()} cannot move to ${requestStatusLabels[moveTo].toLowerCase()}`,
      },
    ]);
  }
  return db.transaction(async (tx) => {
    const now = new Date();
    const values: Parameters<typeof repo.updateRequestFrom>[3] = {};
    if (moveTo) values.status = moveTo;
    if (moveTo === "done") values.doneAt = now;
    if (side === "hub" && kind === "message" && !request.firstResponseAt) values.firstResponseAt = now;
    const after = await repo.updateRequestFrom(tx, request.id, request.status, values);
    if (!after) throw changedMeanwhile();
    await write(tx, after, author, { kind, side, body: form.body, statusChange: moveTo || null });
    await recordAudit(tx, audit, {
      action: kind === "note" ? "support-request.note" : "support-request.message",
      entityType: "support_request",
      entityId: request.id,
      partnershipId: request.partnershipId,
      // The thread holds the text; the audit says who wrote what kind of entry, and any move.
      after: { side, kind, statusChange: moveTo || null, length: form.body.length },
    });
    return { kind: moveTo ? "status" : "message", request: after, side, isPrivate: kind === "note" };
  });
}

/** The partnership closes a done request with how helpful it was. */
export async function closeRequest(
  db: Db,
  audit: AuditContext,
  request: repo.RequestView,
  author: Author,
  form: CloseForm,
): Promise<RequestEvent> {
  if (!canClose(request.status as RequestStatus))
    throw new AppError("CONFLICT", "A request can be closed once the support has been marked done");
  return db.transaction(async (tx) => {
    const after = await repo.updateRequestFrom(tx, request.id, "done", {
      status: "closed",
      closedAt: new Date(),
      rating: form.rating,
      feedback: form.feedback || null,
    });
    if (!after) throw changedMeanwhile();
    await write(tx, after, author, {
      kind: "event",
      side: "local",
      body: `Closed. Rated ${form.rating} out of 5${form.feedback ? `: ${form.feedback}` : ""}`,
      statusChange: "closed",
    });
    await audited(tx, audit, "close", request, after);
    return { kind: "closed", request: after, side: "local" };
  });
}
