import type { FastifyInstance } from "fastify";
import { can, type Nation } from "../../kernel/auth/policy.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { type DriverEffect, driverFrameworkFor, familyTypes } from "../actions/index.ts";
import { partnershipFor } from "../../workspace/partnerships/index.ts";
import { parseIds, registerFormRoute } from "../strategy/index.ts";
import {
  effectLabels,
  findAssessment,
  listAssessments,
  type ProofingRow,
  proofingFields,
  proofingSchema,
  proofingValues,
  saveAssessment,
} from "./proofing.ts";

export function registerProofingRoutes(app: FastifyInstance, { db }: AppContext): void {
  const root = (id: string) => `/partnerships/${id}/proofing`;

  app.get("/partnerships/:id/proofing", async (request, reply) => {
    const { id } = parseIds(request.params, "id");
    const partnership = await partnershipFor(db, request.actor, id, "partnership:read");
    const framework = driverFrameworkFor(partnership.nation);
    const rows = (await listAssessments(db, id)).map((row) => ({
      ...row,
      effects: [
        ...framework.groups.map((group) => ({
          label: group.label,
          effect: row.driverEffects[group.code] as DriverEffect | undefined,
        })),
        ...familyTypes.map((item) => ({
          label: item.label,
          effect: row.familyEffects[item.code] as DriverEffect | undefined,
        })),
      ].map((entry) => ({ ...entry, effectLabel: entry.effect ? effectLabels[entry.effect] : "Not assessed" })),
    }));
    const query = request.query as { saved?: string };
    return reply.view("proofing/views/list.njk", {
      title: `Child poverty-proofing – ${partnership.name}`,
      partnership,
      rows,
      canEdit: can(request.actor, "partnership:edit", { partnershipId: id, nation: partnership.nation as Nation }),
      flash: query.saved ? "The assessment has been saved" : undefined,
      subnav: { partnershipId: id, partnershipName: partnership.name, nation: partnership.nation, current: "proofing" },
    });
  });

  registerFormRoute<ReturnType<typeof proofingSchema>, undefined>(app, db, {
    path: "/proofing/new",
    action: "partnership:edit",
    section: "proofing",
    title: "Record a child poverty-proofing assessment",
    intro:
      "Check another plan or policy for its expected effect on the drivers of child poverty and on priority families.",
    fields: (ctx) => proofingFields(ctx.partnership.nation),
    schema: (ctx) => proofingSchema(ctx.partnership.nation),
    save: async (ctx, data) => {
      await saveAssessment(db, ctx.request.auditContext(), ctx.partnership.id, null, data);
      return `${root(ctx.partnership.id)}?saved=1`;
    },
    back: (ctx) => root(ctx.partnership.id),
  });

  registerFormRoute<ReturnType<typeof proofingSchema>, ProofingRow>(app, db, {
    path: "/proofing/:assessmentId/edit",
    action: "partnership:edit",
    section: "proofing",
    title: (ctx) => `Change the assessment of ${ctx.record.name}`,
    load: async (ctx) => {
      const row = await findAssessment(db, ctx.partnership.id, ctx.params.assessmentId!);
      if (!row) throw AppError.notFound();
      return row;
    },
    fields: (ctx) => proofingFields(ctx.partnership.nation),
    initial: (ctx) => proofingValues(ctx.record),
    schema: (ctx) => proofingSchema(ctx.partnership.nation),
    save: async (ctx, data) => {
      await saveAssessment(db, ctx.request.auditContext(), ctx.partnership.id, ctx.record.id, data);
      return `${root(ctx.partnership.id)}?saved=1`;
    },
    back: (ctx) => root(ctx.partnership.id),
  });
}
