import { z } from "zod";
import { nations } from "../../kernel/auth/policy.ts";
import { path, serialId } from "../../kernel/http/paths.ts";

const nation = z.enum(nations);
const version = serialId;

/** A partnership's register of data-sharing agreements. */
export const sharingPaths = {
  list: path("/partnerships/:id/data-sharing"),
  templates: path("/partnerships/:id/data-sharing/templates"),
  principles: path("/partnerships/:id/data-sharing/principles"),
  principlesVersion: path("/partnerships/:id/data-sharing/principles/:version", { version }),
  add: path("/partnerships/:id/data-sharing/new"),
  agreement: path("/partnerships/:id/data-sharing/:agreementId"),
  edit: path("/partnerships/:id/data-sharing/:agreementId/edit"),
  reassess: path("/partnerships/:id/data-sharing/:agreementId/reassess"),
  addSignatory: path("/partnerships/:id/data-sharing/:agreementId/signatories/new"),
  removeSignatory: path("/partnerships/:id/data-sharing/:agreementId/signatories/:itemId/delete"),
  addDocument: path("/partnerships/:id/data-sharing/:agreementId/documents/new"),
  removeDocument: path("/partnerships/:id/data-sharing/:agreementId/documents/:itemId/delete"),
};

/** The national side: risk by area, the nation's principles (versioned) and its library of templates. */
export const nationalSharingPaths = {
  overview: path("/national/:nation/data-sharing", { nation }),
  principles: path("/national/:nation/data-sharing/principles", { nation }),
  principlesEdit: path("/national/:nation/data-sharing/principles/edit", { nation }),
  principlesVersion: path("/national/:nation/data-sharing/principles/:version", { nation, version }),
  templates: path("/national/:nation/data-sharing/templates", { nation }),
  templateAdd: path("/national/:nation/data-sharing/templates/new", { nation }),
  templateEdit: path("/national/:nation/data-sharing/templates/:templateId/edit", { nation }),
};
