import { z } from "zod";
import { nations } from "../../kernel/auth/policy.ts";
import { path } from "../../kernel/http/paths.ts";

const nation = z.enum(nations);

/** The national partners group's own meetings, in the hub. */
export const groupMeetingPaths = {
  list: path("/hub/:nation/meetings", { nation }),
  schedule: path("/hub/:nation/meetings/new", { nation }),
  meeting: path("/hub/:nation/meetings/:meetingId", { nation }),
  agenda: path("/hub/:nation/meetings/:meetingId/agenda", { nation }),
  agendaRemove: path("/hub/:nation/meetings/:meetingId/agenda/:childId/delete", { nation }),
  decisions: path("/hub/:nation/meetings/:meetingId/decisions", { nation }),
  decisionRemove: path("/hub/:nation/meetings/:meetingId/decisions/:childId/delete", { nation }),
  actions: path("/hub/:nation/meetings/:meetingId/actions", { nation }),
  action: path("/hub/:nation/meetings/:meetingId/actions/:childId", { nation }),
  edit: path("/hub/:nation/meetings/:meetingId/edit", { nation }),
  cancel: path("/hub/:nation/meetings/:meetingId/cancel", { nation }),
  minutes: path("/hub/:nation/meetings/:meetingId/minutes", { nation }),
  papers: path("/hub/:nation/meetings/:meetingId/papers", { nation }),
  paper: path("/hub/:nation/meetings/:meetingId/papers/:childId", { nation }),
  paperRemove: path("/hub/:nation/meetings/:meetingId/papers/:childId/delete", { nation }),
};
