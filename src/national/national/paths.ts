import { z } from "zod";
import { nations } from "../../kernel/auth/policy.ts";
import { path } from "../../kernel/http/paths.ts";

const nation = { nation: z.enum(nations) };

export const nationalPaths = {
  national: path("/national"),
  nation: path("/national/:nation", nation),
  exportCsv: path("/national/:nation/export.csv", nation),
  exportXlsx: path("/national/:nation/export.xlsx", nation),
  feedback: path("/partnerships/:id/feedback"),
  feedbackStatus: path("/partnerships/:id/feedback/:childId"),
  feedbackReply: path("/partnerships/:id/feedback/:childId/reply"),
};
