import type { FastifyInstance } from "fastify";
import { nationLabels, type Nation } from "../../kernel/auth/policy.ts";
import { path } from "../../kernel/http/paths.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { visiblePartnerships } from "../partnerships/index.ts";

export function registerSiteRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get("/", async (_request, reply) =>
    reply.view("site/views/start.njk", { title: "Child poverty partnerships, from evidence to action" }),
  );

  const dashboard = path("/dashboard");
  app.get(dashboard.pattern, needs(dashboard, { signedIn: true }), async (request, reply) => {
    const actor = request.actor!;
    const partnerships = await visiblePartnerships(db, actor);
    const rows = partnerships.map((partnership) => ({
      ...partnership,
      nationLabel: nationLabels[partnership.nation as Nation],
      role:
        actor.partnershipRoles.get(partnership.id) ??
        (actor.isPlatformAdmin ? "administrator" : "national coordinator"),
    }));
    return reply.view("site/views/dashboard.njk", {
      title: "Your partnerships",
      partnerships: rows,
      coordinatorNations: actor.coordinatorNations.map((nation) => nationLabels[nation]),
    });
  });

  app.get("/accessibility", async (_request, reply) =>
    reply.view("site/views/accessibility.njk", { title: "Accessibility statement" }),
  );
  app.get("/cookies", async (_request, reply) => reply.view("site/views/cookies.njk", { title: "Cookies" }));
}
