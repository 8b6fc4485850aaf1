import type { FastifyReply } from "fastify";
import type { ParsedRequest } from "../../kernel/http/pipeline.ts";
import { type Actor, can, type Nation } from "../../kernel/auth/policy.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import { type ActionChoice, actionChoices } from "../actions/index.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { londonToday } from "../../kernel/time.ts";
import { loadMeetingRecord, type MeetingRecord } from "./meetings-service.ts";
import type { MeetingOwner } from "./repository.ts";
import { actionStatuses, actionStatusLabels } from "./schemas.ts";

/**
 * Minutes (and the attendance, papers, decisions and actions that go with them) are for the
 * partnership's members; national coordinators without a role see them only when shared.
 */
export function canSeeMinutes(actor: Actor | null, partnershipId: string, sharedWithNational: boolean): boolean {
  if (!actor) return false;
  if (actor.isPlatformAdmin || actor.partnershipRoles.has(partnershipId)) return true;
  return sharedWithNational;
}

export interface MeetingContext {
  partnership: PartnershipRow;
  owner: MeetingOwner;
  record: MeetingRecord;
  canEdit: boolean;
  minutesVisible: boolean;
  /** The partnership's own actions an action arising can be linked to (editors only). */
  strategyActions: ActionChoice[];
}

/** The meeting at `:meetingId` of the partnership the route's `needs` loaded and authorized. */
export async function meetingContext(db: Db, request: ParsedRequest<{ meetingId: string }>): Promise<MeetingContext> {
  const partnership = request.partnership;
  const id = partnership.id;
  const { meetingId } = request.params;
  const owner: MeetingOwner = { partnershipId: id };
  const record = await loadMeetingRecord(db, owner, meetingId);
  const canEdit = can(request.actor, "partnership:edit", { partnershipId: id, nation: partnership.nation as Nation });
  return {
    partnership,
    owner,
    record,
    canEdit,
    strategyActions: canEdit ? await actionChoices(db, id) : [],
    minutesVisible: canSeeMinutes(request.actor, id, record.meeting.sharedWithNational),
  };
}

/** Minutes-related records need both the read right and the sharing rule. */
export function requireMinutesVisible(context: MeetingContext): void {
  if (!context.minutesVisible)
    throw AppError.forbidden("The minutes of this meeting are not shared with national partners");
}

type MeetingExtra = { errors?: FieldError[]; values?: Record<string, unknown>; form?: string; flash?: string };

/** The meeting page's view model; `form` names the form whose errors and values it shows. */
export function meetingView(context: MeetingContext, extra: MeetingExtra = {}) {
  const { partnership, record } = context;
  const today = londonToday();
  return {
    title: `${record.meeting.title}, ${record.meeting.meetingDate} – ${partnership.name}`,
    partnership,
    ...record,
    canEdit: context.canEdit,
    minutesVisible: context.minutesVisible,
    isPast: record.meeting.meetingDate < today,
    today,
    statusItems: actionStatuses.map((value) => ({ value, text: actionStatusLabels[value] })),
    statusLabels: actionStatusLabels,
    strategyActionItems: [
      { value: "", text: "Not linked" },
      ...context.strategyActions.map((choice) => ({ value: choice.id, text: choice.label })),
    ],
    errors: extra.errors,
    values: extra.values ?? {},
    form: extra.form,
    flash: extra.flash,
  };
}

export const meetingTemplate = "meetings/views/meeting.njk";

export function renderMeeting(reply: FastifyReply, context: MeetingContext, extra: MeetingExtra = {}, status = 200) {
  return reply.code(status).view(meetingTemplate, meetingView(context, extra));
}
