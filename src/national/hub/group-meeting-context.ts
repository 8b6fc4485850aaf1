import type { FastifyReply } from "fastify";
import type { ParsedRequest } from "../../kernel/http/pipeline.ts";
import { londonToday } from "../../kernel/time.ts";
import { can, type Nation } from "../../kernel/auth/policy.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import {
  loadMeetingRecord,
  type MeetingOwner,
  type MeetingRecord,
  meetingActionStatuses,
  meetingActionStatusLabels,
} from "../../cycle/meetings/index.ts";
import { type HubView, hubFor, ledPartnerships } from "../partners-group/index.ts";
import { groupMeetingPaths as paths } from "./paths.ts";

export interface GroupMeetingContext {
  hub: HubView;
  owner: MeetingOwner;
  record: MeetingRecord;
  /** Papers, minutes, decisions and actions: the group, and local leads of the nation once published. */
  minutesVisible: boolean;
}

/** The wording and paths the meetings domain's templates take for a group's meeting. */
export function groupMeetingView(hub: HubView) {
  return {
    hub,
    meetingsBase: paths.list(hub.nation),
    ownerName: hub.group.name,
    navPartial: "partners-group/views/hub-nav.njk",
    canEdit: hub.canManage,
    sharedText: "Published to local leads",
    privateText: "For the group only",
    hiddenText:
      "The papers and minutes of this meeting are for the group until the coordinator publishes them to local leads.",
    sharingLabel: `Publish these minutes to every local lead in ${hub.nationLabel}`,
    sharingHint: "Minutes are always visible to the group's members and national partners.",
    noMembersText: "The group has no member bodies yet.",
    exports: false,
  };
}

export async function groupMeetingContext(
  db: Db,
  request: ParsedRequest<{ nation: Nation; meetingId: string }>,
  need: "read" | "edit",
): Promise<GroupMeetingContext> {
  const hub = await hubFor(db, request);
  if (need === "edit" && !hub.canManage) throw AppError.forbidden("The group's meetings are kept by the coordinator");
  const owner: MeetingOwner = { groupId: hub.group.id };
  const record = await loadMeetingRecord(db, owner, request.params.meetingId);
  const leadNations = (await ledPartnerships(db, request.actor)).map((row) => row.nation as Nation);
  const minutesVisible = can(request.actor, "hub:read-minutes", {
    nation: hub.nation,
    published: record.meeting.sharedWithNational,
    leadNations,
  });
  return { hub, owner, record, minutesVisible };
}

export function requireGroupMinutes(context: GroupMeetingContext): void {
  if (!context.minutesVisible) throw AppError.forbidden("The minutes of this meeting have not been published");
}

type MeetingExtra = { errors?: FieldError[]; values?: Record<string, unknown>; form?: string };

export const groupMeetingTemplate = "meetings/views/meeting.njk";

export function renderGroupMeeting(reply: FastifyReply, context: GroupMeetingContext, extra: MeetingExtra = {}) {
  return reply.code(extra.errors?.length ? 400 : 200).view(groupMeetingTemplate, groupMeetingPageView(context, extra));
}

/** The group meeting page's view model; `form` names the form whose errors and values it shows. */
export function groupMeetingPageView(context: GroupMeetingContext, extra: MeetingExtra = {}) {
  const { hub, record } = context;
  const today = londonToday();
  return {
    title: `${record.meeting.title}, ${record.meeting.meetingDate} – ${hub.group.name}`,
    ...groupMeetingView(hub),
    ...record,
    minutesVisible: context.minutesVisible,
    isPast: record.meeting.meetingDate < today,
    today,
    statusItems: meetingActionStatuses.map((value) => ({ value, text: meetingActionStatusLabels[value] })),
    statusLabels: meetingActionStatusLabels,
    strategyActionItems: [{ value: "", text: "Not linked" }],
    errors: extra.errors,
    values: extra.values ?? {},
    form: extra.form,
  };
}
