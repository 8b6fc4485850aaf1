import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { parseParams, partnershipParams } from "../../kernel/http/params.ts";
import { partnershipFor } from "../partnerships/index.ts";
import { loadAreaProfile } from "./profile-service.ts";
import { profileView } from "./profile-view.ts";

export function registerProfileRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get("/partnerships/:id/profile", async (request, reply) => {
    const { id } = parseParams(partnershipParams, request.params);
    const partnership = await partnershipFor(db, request.actor, id, "partnership:read");
    const profile = profileView(await loadAreaProfile(db, partnership));
    return reply.view("analyses/views/profile.njk", {
      title: profile.area ? `Area profile: ${profile.area.name} – ${partnership.name}` : `Area profile – ${partnership.name}`,
      partnership,
      areaCode: partnership.areaCode,
      ...profile,
      subnav: { partnershipId: partnership.id, partnershipName: partnership.name, current: "profile" },
    });
  });
}
