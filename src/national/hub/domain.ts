import type { Domain } from "../../kernel/domains/descriptor.ts";
import { registerGroupMeetingRoutes } from "./group-meetings-routes.ts";
import { registerHubRoutes } from "./hub-routes.ts";

/** The national partners' hub: its front door per nation, and the group's meetings. */
export const hubDomain: Domain = {
  name: "national/hub",
  routes: (app, context) => {
    registerHubRoutes(app, context);
    registerGroupMeetingRoutes(app, context);
  },
  navigation: [{ text: "Support hub", href: "/hub", order: 32 }],
};
