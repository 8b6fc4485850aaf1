import type { Domain } from "../../kernel/domains/descriptor.ts";
import { registerAttentionRoutes } from "./attention-routes.ts";

/** The per-person list of what needs doing, gathered from the domains that fill `attentionItems`. */
export const attentionDomain: Domain = {
  name: "workspace/attention",
  routes: registerAttentionRoutes,
  navigation: [{ text: "Needs attention", href: "/attention", order: 20 }],
};
