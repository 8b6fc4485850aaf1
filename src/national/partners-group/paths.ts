import { z } from "zod";
import { nations } from "../../kernel/auth/policy.ts";
import { path } from "../../kernel/http/paths.ts";

const nation = z.enum(nations);

/** The hub's own pages for a nation; every hub domain's paths start from `hubBase`. */
export const hubPaths = {
  picker: path("/hub"),
  home: path("/hub/:nation", { nation }),
  group: path("/hub/:nation/group/edit", { nation }),
  partners: path("/hub/:nation/partners", { nation }),
  member: path("/hub/:nation/partners/:memberId", { nation }),
  memberEdit: path("/hub/:nation/partners/:memberId/edit", { nation }),
  memberRemove: path("/hub/:nation/partners/:memberId/remove", { nation }),
  people: path("/hub/:nation/partners/:memberId/people", { nation }),
  personRemove: path("/hub/:nation/partners/:memberId/people/:userId/remove", { nation }),
};

export const hubBase = (nation: string) => `/hub/${nation}`;
