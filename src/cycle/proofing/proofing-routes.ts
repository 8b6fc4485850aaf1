import type { FastifyInstance } from "fastify";
import { formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { may, needs } from "../../kernel/http/pipeline.ts";
import { proofingPaths as paths } from "./paths.ts";
import {
  findAssessment,
  listAssessments,
  proofingFields,
  proofingSchema,
  proofingValues,
  saveAssessment,
} from "./proofing.ts";
import { withEffects } from "./proofing-view.ts";

const edit = { partnership: "partnership:edit" } as const;
const saved = "The assessment has been saved";

export function registerProofingRoutes(app: FastifyInstance, { db }: AppContext): void {
  const list = (ctx: { partnership: { id: string } }) => paths.list(ctx.partnership.id);

  app.get(paths.list.pattern, needs(paths.list, { partnership: "partnership:read" }), async (request, reply) => {
    const { partnership } = request;
    const rows = await listAssessments(db, partnership.id);
    return reply.view("proofing/views/list.njk", {
      title: `Child poverty-proofing – ${partnership.name}`,
      rows: withEffects(rows, partnership.nation).map((row) => ({
        ...row,
        editHref: paths.edit(partnership.id, row.id),
      })),
      addHref: paths.add(partnership.id),
      canEdit: may(request, "partnership:edit"),
    });
  });

  formRoute(app, {
    path: paths.add,
    needs: edit,
    title: "Record a child poverty-proofing assessment",
    intro:
      "Check another plan or policy for its expected effect on the drivers of child poverty and on priority families.",
    fields: (ctx) => proofingFields(ctx.partnership.nation),
    schema: (ctx) => proofingSchema(ctx.partnership.nation),
    save: async (ctx, data) => {
      await saveAssessment(db, ctx.audit, ctx.partnership.id, null, data);
      return list(ctx);
    },
    flash: saved,
    back: list,
  });

  formRoute(app, {
    path: paths.edit,
    needs: edit,
    load: (ctx) => findAssessment(db, ctx.partnership.id, ctx.params.assessmentId),
    title: (ctx) => `Change the assessment of ${ctx.record.name}`,
    fields: (ctx) => proofingFields(ctx.partnership.nation),
    schema: (ctx) => proofingSchema(ctx.partnership.nation),
    initial: (ctx) => proofingValues(ctx.record),
    save: async (ctx, data) => {
      await saveAssessment(db, ctx.audit, ctx.partnership.id, ctx.record.id, data);
      return list(ctx);
    },
    flash: saved,
    back: list,
  });
}
