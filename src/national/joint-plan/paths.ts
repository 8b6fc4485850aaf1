import { z } from "zod";
import { nations } from "../../kernel/auth/policy.ts";
import { path } from "../../kernel/http/paths.ts";

const nation = z.enum(nations);

export const planPaths = {
  list: path("/hub/:nation/plan", { nation }),
  add: path("/hub/:nation/plan/new", { nation }),
  activity: path("/hub/:nation/plan/:activityId", { nation }),
  edit: path("/hub/:nation/plan/:activityId/edit", { nation }),
  progress: path("/hub/:nation/plan/:activityId/progress", { nation }),
  remove: path("/hub/:nation/plan/:activityId/remove", { nation }),
};
