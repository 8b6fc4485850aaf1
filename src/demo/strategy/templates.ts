/** Every demo action, in priority order (the demo picks from them with a seeded generator: order matters). */
import type { ActionTemplate } from "./action-template.ts";
import { costStartAndReachActions } from "./actions-cost-start-reach.ts";
import { incomeAndWorkActions } from "./actions-income-work.ts";

export type { ActionTemplate } from "./action-template.ts";

export const actionTemplates: ActionTemplate[] = [...incomeAndWorkActions, ...costStartAndReachActions];

export const familyCodes: Record<string, string> = {
  lp: "lone-parent",
  me: "minority-ethnic",
  d: "disability",
  ym: "young-mother",
  u1: "child-under-one",
  lf: "larger-family",
};
