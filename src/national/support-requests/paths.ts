import { z } from "zod";
import { nations } from "../../kernel/auth/policy.ts";
import { path } from "../../kernel/http/paths.ts";

const nation = z.enum(nations);

export const requestPaths = {
  hubList: path("/hub/:nation/requests", { nation }),
  hubRequest: path("/hub/:nation/requests/:requestId", { nation }),
  assign: path("/hub/:nation/requests/:requestId/assign", { nation }),
  decline: path("/hub/:nation/requests/:requestId/decline", { nation }),
  merge: path("/hub/:nation/requests/:requestId/merge", { nation }),
  hubReply: path("/hub/:nation/requests/:requestId/reply", { nation }),
  figures: path("/hub/:nation/figures", { nation }),
  figuresCsv: path("/hub/:nation/figures.csv", { nation }),
  support: path("/partnerships/:id/support"),
  add: path("/partnerships/:id/support/new"),
  request: path("/partnerships/:id/support/:requestId"),
  reply: path("/partnerships/:id/support/:requestId/reply"),
  close: path("/partnerships/:id/support/:requestId/close"),
};
