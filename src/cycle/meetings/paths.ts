import { path } from "../../kernel/http/paths.ts";

export const meetingPaths = {
  list: path("/partnerships/:id/meetings"),
  schedule: path("/partnerships/:id/meetings/new"),
  meeting: path("/partnerships/:id/meetings/:meetingId"),
  agenda: path("/partnerships/:id/meetings/:meetingId/agenda"),
  decisions: path("/partnerships/:id/meetings/:meetingId/decisions"),
  actions: path("/partnerships/:id/meetings/:meetingId/actions"),
  actionStatus: path("/partnerships/:id/meetings/:meetingId/actions/:childId"),
  edit: path("/partnerships/:id/meetings/:meetingId/edit"),
  cancel: path("/partnerships/:id/meetings/:meetingId/cancel"),
  minutes: path("/partnerships/:id/meetings/:meetingId/minutes"),
  minutesDocx: path("/partnerships/:id/meetings/:meetingId/minutes.docx"),
  minutesPdf: path("/partnerships/:id/meetings/:meetingId/minutes.pdf"),
  minutesPrint: path("/partnerships/:id/meetings/:meetingId/minutes/print"),
  papers: path("/partnerships/:id/meetings/:meetingId/papers"),
  paper: path("/partnerships/:id/meetings/:meetingId/papers/:childId"),
  removePaper: path("/partnerships/:id/meetings/:meetingId/papers/:childId/delete"),
  removeAgenda: path("/partnerships/:id/meetings/:meetingId/agenda/:childId/delete"),
  removeDecision: path("/partnerships/:id/meetings/:meetingId/decisions/:childId/delete"),
};
