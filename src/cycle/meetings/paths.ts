import { path } from "../../kernel/http/paths.ts";

export const meetingPaths = {
  list: path("/partnerships/:id/meetings"),
  meeting: path("/partnerships/:id/meetings/:meetingId"),
  minutes: path("/partnerships/:id/meetings/:meetingId/minutes"),
  removePaper: path("/partnerships/:id/meetings/:meetingId/papers/:childId/delete"),
  removeAgenda: path("/partnerships/:id/meetings/:meetingId/agenda/:childId/delete"),
  removeDecision: path("/partnerships/:id/meetings/:meetingId/decisions/:childId/delete"),
};
