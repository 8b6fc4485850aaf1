import { path } from "../../kernel/http/paths.ts";

export const meetingPaths = {
  list: path("/partnerships/:id/meetings"),
  meeting: path("/partnerships/:id/meetings/:meetingId"),
  minutes: path("/partnerships/:id/meetings/:meetingId/minutes"),
};
