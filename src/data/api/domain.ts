import type { Domain } from "../../kernel/domains/descriptor.ts";
import { actorLoader } from "../../kernel/domains/kernel-points.ts";
import { registerApiRoutes } from "./api-routes.ts";
import { registerApiDocsRoutes } from "./docs-routes.ts";
import { registerTokenRoutes } from "./token-routes.ts";

/** The read-only JSON/CSV API under /api/v1, its documentation and personal API tokens. */
export const apiDomain: Domain = {
  name: "data/api",
  routes: (app, context) => {
    // A token's user is found the way a session's is: the kernel's actor loader (the access domain's).
    const loadActor = context.extensions.one(actorLoader);
    registerApiRoutes(app, context, { loadActor: (userId) => loadActor(context.db, userId) });
    registerApiDocsRoutes(app, context);
    registerTokenRoutes(app, context);
  },
};
