import type { Domain } from "../../kernel/domains/descriptor.ts";
import { attentionItems } from "../../workspace/attention/index.ts";
import { actionMentions } from "../actions/index.ts";
import { actionsArisingOverdue, minutesDue } from "./attention.ts";
import { registerMeetingRoutes } from "./meetings-routes.ts";
import { meetingMentions } from "./mentions.ts";
import { meetingPaths } from "./paths.ts";

/** The meeting schedule, agenda, papers, attendance, minutes, decisions and actions arising. */
export const meetingsDomain: Domain = {
  name: "cycle/meetings",
  routes: registerMeetingRoutes,
  partnershipNavigation: [{ text: "Meetings", href: meetingPaths.list, group: "partnership", order: 30 }],
  provides: [
    actionMentions.provide(meetingMentions),
    attentionItems.provide(minutesDue),
    attentionItems.provide(actionsArisingOverdue),
  ],
};
