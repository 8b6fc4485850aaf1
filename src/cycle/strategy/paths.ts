import { path } from "../../kernel/http/paths.ts";

const root = "/partnerships/:id/strategy" as const;

export const strategyPaths = {
  strategy: path(root),
  edit: path(`${root}/edit`),
  addPriority: path(`${root}/priorities/new`),
  editPriority: path(`${root}/priorities/:priorityId/edit`),
  removePriority: path(`${root}/priorities/:priorityId/delete`),
  linkEvidence: path(`${root}/priorities/:priorityId/evidence/new`),
  removeEvidence: path(`${root}/priorities/:priorityId/evidence/:linkId/delete`),
  addChoice: path(`${root}/choices/new`),
  removeChoice: path(`${root}/choices/:childId/delete`),
  addRelated: path(`${root}/related/new`),
  removeRelated: path(`${root}/related/:childId/delete`),
  addSignOff: path(`${root}/sign-offs/new`),
  removeSignOff: path(`${root}/sign-offs/:childId/delete`),
};
