import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { sanitizeRichText } from "../../kernel/views/rich-text.ts";
import { addDays, formatDate, londonToday } from "../../kernel/time.ts";
import { findActionChoices } from "../actions/index.ts";
import * as repo from "./repository.ts";
import { type MeetingOwner, ownerValues } from "./repository.ts";
import type { ActionForm, MeetingEditForm, MinutesForm, ScheduleForm } from "./schemas.ts";

/** One meeting or a series (every `intervalWeeks` weeks); all or nothing. */
export async function scheduleMeetings(
  db: Db,
  audit: AuditContext,
  owner: MeetingOwner,
  form: ScheduleForm,
  today = londonToday(),
) {
  if (form.firstDate < today) {
    throw AppError.validation([
      { field: "firstDate", message: "The date of the first meeting must be today or in the future" },
    ]);
  }
  const dates = Array.from({ length: form.count }, (_, index) =>
    addDays(form.firstDate, index * form.intervalWeeks * 7),
  );
  return db.transaction(async (tx) => {
    const taken = await repo.meetingDatesTaken(tx, owner, dates);
    if (taken.length > 0) {
      const list = taken.sort().map(formatDate).join(", ");
      throw AppError.validation([
        { field: "firstDate", message: `A meeting is already scheduled on ${list}: choose other dates` },
      ]);
    }
    const rows = await repo.insertMeetings(
      tx,
      dates.map((meetingDate) => ({
        ...ownerValues(owner),
        meetingDate,
        title: form.title,
        startTime: form.startTime,
        location: form.location,
      })),
    );
    for (const row of rows) {
      await recordAudit(tx, audit, {
        action: "meeting.schedule",
        entityType: "meeting",
        entityId: row.id,
        partnershipId: owner.partnershipId ?? null,
        after: row,
      });
    }
    return rows;
  });
}

export async function addAgendaItem(
  db: Db,
  audit: AuditContext,
  owner: MeetingOwner,
  meetingId: string,
  form: { title: string; presenter: string },
) {
  return db.transaction(async (tx) => {
    const row = await repo.insertAgendaItem(tx, { ...ownerValues(owner), meetingId, ...form });
    await recordAudit(tx, audit, {
      action: "meeting.agenda-add",
      entityType: "meeting_agenda_item",
      entityId: row.id,
      partnershipId: owner.partnershipId ?? null,
      after: row,
    });
    return row;
  });
}

export async function addPaper(
  db: Db,
  audit: AuditContext,
  paper: {
    owner: MeetingOwner;
    meetingId: string;
    fileName: string;
    contentType: string;
    sha256: string;
    content: Buffer;
  },
) {
  return db.transaction(async (tx) => {
    const { owner, ...fields } = paper;
    const row = await repo.insertPaper(tx, {
      ...fields,
      ...ownerValues(owner),
      sizeBytes: paper.content.length,
      uploadedBy: audit.actorUserId,
    });
    await recordAudit(tx, audit, {
      action: "meeting.paper-upload",
      entityType: "meeting_paper",
      entityId: row.id,
      partnershipId: paper.owner.partnershipId ?? null,
      after: row,
    });
    return row;
  });
}

export interface AttendanceEntry {
  organisationId: string | null;
  personName: string;
  status: "present" | "apologies";
}

export async function saveMinutes(
  db: Db,
  audit: AuditContext,
  owner: MeetingOwner,
  meetingId: string,
  form: MinutesForm,
  attendance: AttendanceEntry[],
) {
  return db.transaction(async (tx) => {
    const before = await repo.findMeeting(tx, owner, meetingId);
    const beforeAttendance = await repo.listAttendance(tx, owner, meetingId);
    const after = await repo.updateMeeting(tx, owner, meetingId, {
      minutes: sanitizeRichText(form.minutes, "page"),
      minutesRecordedAt: new Date(),
      sharedWithNational: form.sharedWithNational === "yes",
    });
    await repo.replaceAttendance(tx, owner, meetingId, attendance);
    await recordAudit(tx, audit, {
      action: "meeting.minutes-save",
      entityType: "meeting",
      entityId: meetingId,
      partnershipId: owner.partnershipId ?? null,
      before: {
        minutes: before?.minutes,
        sharedWithNational: before?.sharedWithNational,
        attendance: beforeAttendance,
      },
      after: { minutes: after.minutes, sharedWithNational: after.sharedWithNational, attendance },
    });
    return after;
  });
}

export async function addDecision(db: Db, audit: AuditContext, owner: MeetingOwner, meetingId: string, text: string) {
  return db.transaction(async (tx) => {
    const row = await repo.insertDecision(tx, { ...ownerValues(owner), meetingId, text });
    await recordAudit(tx, audit, {
      action: "meeting.decision-add",
      entityType: "meeting_decision",
      entityId: row.id,
      partnershipId: owner.partnershipId ?? null,
      after: row,
    });
    return row;
  });
}

export async function addAction(db: Db, audit: AuditContext, owner: MeetingOwner, meetingId: string, form: ActionForm) {
  return db.transaction(async (tx) => {
    // The link must name one of this partnership's own actions: a forged or stale id is a form error.
    // Only a partnership's meetings link to its strategy actions.
    if (
      form.strategyActionId &&
      (owner.partnershipId === undefined ||
        (await findActionChoices(tx, owner.partnershipId, [form.strategyActionId])).length === 0)
    ) {
      throw AppError.validation([
        {
          field: "strategyActionId",
          message: "Select an action from the partnership's action plan, or choose not linked",
        },
      ]);
    }
    const row = await repo.insertAction(tx, {
      ...ownerValues(owner),
      meetingId,
      description: form.description,
      owner: form.owner,
      dueDate: form.dueDate,
      strategyActionId: form.strategyActionId || null,
    });
    await recordAudit(tx, audit, {
      action: "meeting.action-add",
      entityType: "meeting_action",
      entityId: row.id,
      partnershipId: owner.partnershipId ?? null,
      after: row,
    });
    return row;
  });
}

export async function setActionStatus(
  db: Db,
  audit: AuditContext,
  owner: MeetingOwner,
  meetingId: string,
  actionId: string,
  status: string,
) {
  return db.transaction(async (tx) => {
    const before = await repo.findAction(tx, owner, meetingId, actionId);
    if (!before) throw AppError.notFound();
    const after = await repo.updateActionStatus(tx, owner, actionId, status);
    await recordAudit(tx, audit, {
      action: "meeting.action-status",
      entityType: "meeting_action",
      entityId: actionId,
      partnershipId: owner.partnershipId ?? null,
      before: { status: before.status },
      after: { status: after.status },
    });
    return after;
  });
}

/** Changes a meeting's details; a new date must be today or later and free. */
export async function updateMeetingDetails(
  db: Db,
  audit: AuditContext,
  owner: MeetingOwner,
  meetingId: string,
  form: MeetingEditForm,
  today = londonToday(),
) {
  return db.transaction(async (tx) => {
    const before = await repo.findMeeting(tx, owner, meetingId);
    if (!before) throw AppError.notFound();
    if (form.meetingDate !== before.meetingDate) {
      if (form.meetingDate < today)
        throw AppError.validation([{ field: "meetingDate", message: "The new date must be today or in the future" }]);
      if ((await repo.meetingDatesTaken(tx, owner, [form.meetingDate])).length > 0) {
        throw AppError.validation([
          { field: "meetingDate", message: `A meeting is already scheduled on ${formatDate(form.meetingDate)}` },
        ]);
      }
    }
    const values = {
      title: form.title,
      meetingDate: form.meetingDate,
      startTime: form.startTime,
      location: form.location,
    };
    const after = await repo.updateMeeting(tx, owner, meetingId, values);
    await recordAudit(tx, audit, {
      action: "meeting.update",
      entityType: "meeting",
      entityId: meetingId,
      partnershipId: owner.partnershipId ?? null,
      before: {
        title: before.title,
        meetingDate: before.meetingDate,
        startTime: before.startTime,
        location: before.location,
      },
      after: values,
    });
    return after;
  });
}

/** Cancels a meeting that has no minutes; its agenda, papers and actions go with it. */
export async function cancelMeeting(db: Db, audit: AuditContext, owner: MeetingOwner, meetingId: string) {
  await db.transaction(async (tx) => {
    const before = await repo.findMeeting(tx, owner, meetingId);
    if (!before) throw AppError.notFound();
    if (before.minutes) throw new AppError("CONFLICT", "This meeting has minutes, so it cannot be cancelled");
    await repo.deleteMeeting(tx, owner, meetingId);
    await recordAudit(tx, audit, {
      action: "meeting.cancel",
      entityType: "meeting",
      entityId: meetingId,
      partnershipId: owner.partnershipId ?? null,
      before,
    });
  });
}

export async function removePaper(
  db: Db,
  audit: AuditContext,
  owner: MeetingOwner,
  meetingId: string,
  paperId: string,
) {
  await db.transaction(async (tx) => {
    const removed = await repo.deletePaper(tx, owner, meetingId, paperId);
    if (!removed) throw AppError.notFound();
    await recordAudit(tx, audit, {
      action: "meeting.paper-remove",
      entityType: "meeting_paper",
      entityId: paperId,
      partnershipId: owner.partnershipId ?? null,
      before: removed,
    });
  });
}

/** Removes an agenda item or a decision recorded in error. */
export async function removeMeetingEntry(
  db: Db,
  audit: AuditContext,
  kind: "agenda" | "decision",
  owner: MeetingOwner,
  meetingId: string,
  id: string,
) {
  await db.transaction(async (tx) => {
    const removed =
      kind === "agenda"
        ? await repo.deleteAgendaItem(tx, owner, meetingId, id)
        : await repo.deleteDecision(tx, owner, meetingId, id);
    if (!removed) throw AppError.notFound();
    const entityType = kind === "agenda" ? "meeting_agenda_item" : "meeting_decision";
    await recordAudit(tx, audit, {
      action: `meeting.${kind}-remove`,
      entityType,
      entityId: id,
      partnershipId: owner.partnershipId ?? null,
      before: removed,
    });
  });
}

/** Everything on a meeting's page, loaded with the owner (partnership or group) in every query. */
export async function loadMeetingRecord(db: Db, owner: MeetingOwner, meetingId: string) {
  const meeting = await repo.findMeeting(db, owner, meetingId);
  if (!meeting) throw AppError.notFound();
  const [agenda, papers, attendance, decisions, actions] = await Promise.all([
    repo.listAgenda(db, owner, meetingId),
    repo.listPapers(db, owner, meetingId),
    repo.listAttendance(db, owner, meetingId),
    repo.listDecisions(db, owner, meetingId),
    repo.listActions(db, owner, meetingId),
  ]);
  const linkedIds = [
    ...new Set(actions.flatMap((action) => (action.strategyActionId ? [action.strategyActionId] : []))),
  ];
  const linked = new Map(
    (owner.partnershipId === undefined ? [] : await findActionChoices(db, owner.partnershipId, linkedIds)).map(
      (choice) => [choice.id, choice],
    ),
  );
  return {
    meeting,
    agenda,
    papers,
    attendance,
    decisions,
    actions: actions.map((action) => ({
      ...action,
      strategyAction: action.strategyActionId ? (linked.get(action.strategyActionId) ?? null) : null,
    })),
  };
}
export type MeetingRecord = Awaited<ReturnType<typeof loadMeetingRecord>>;
