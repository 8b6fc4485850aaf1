import { path } from "../../kernel/http/paths.ts";

export const practicePaths = {
  library: path("/practice"),
  evidence: path("/practice/evidence"),
  review: path("/practice/review"),
  add: path("/practice/new"),
  entry: path("/practice/:entryId"),
  edit: path("/practice/:entryId/edit"),
  reviewEntry: path("/practice/:entryId/review"),
  attachments: path("/practice/:entryId/attachments"),
  attachment: path("/practice/:entryId/attachments/:attachmentId"),
  attachmentRemove: path("/practice/:entryId/attachments/:attachmentId/remove"),
  actionPractice: path("/partnerships/:id/actions/:actionId/practice"),
  uncite: path("/partnerships/:id/actions/:actionId/practice/:entryId/remove"),
  propose: path("/partnerships/:id/actions/:actionId/case-study"),
};
