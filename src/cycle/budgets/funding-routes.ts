import type { FastifyInstance } from "fastify";
import { deleteRoute, formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { may, needs } from "../../kernel/http/pipeline.ts";
import { formatPounds } from "../../kernel/money.ts";
import { financialYearOf, londonToday } from "../../kernel/time.ts";
import { actionChoices } from "../actions/index.ts";
import { listMemberOrganisations } from "../governance/index.ts";
import { findAllocation, findStream } from "./funding-repository.ts";
import { allocationForm, MAX_STREAM_YEARS, streamForm, yearSlots } from "./funding-schemas.ts";
import { addAllocation, addStream, removeAllocation, removeStream } from "./funding-service.ts";
import { fundingPlanView } from "./funding-view.ts";
import { budgetPaths as paths } from "./paths.ts";

/** The multi-year funding plan: its page, streams and allocations (forms and removals). */
export function registerFundingRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get(paths.plan.pattern, needs(paths.plan, { partnership: "partnership:read" }), async (request, reply) => {
    const { partnership } = request;
    const view = await fundingPlanView(db, partnership, may(request, "partnership:edit"));
    return reply.view("budgets/views/funding-plan.njk", {
      title: `Multi-year funding plan – ${partnership.name}`,
      partnership,
      ...view,
    });
  });

  formRoute(app, {
    path: paths.newStream,
    needs: { partnership: "partnership:edit" },
    template: "budgets/views/stream-form.njk",
    view: async (ctx) => {
      const members = await listMemberOrganisations(db, [ctx.partnership.id]);
      return {
        title: "Add a funding stream",
        partnership: ctx.partnership,
        memberItems: [
          { value: "", text: "Select a partner" },
          ...members.map((member) => ({ value: member.organisationId, text: member.name })),
        ],
        yearSlots,
        maxYears: MAX_STREAM_YEARS,
        backHref: paths.plan(ctx.partnership.id),
      };
    },
    initial: () => ({ firstYear: financialYearOf(londonToday()) }),
    schema: streamForm,
    save: async (ctx, data) => {
      await addStream(db, ctx.audit, ctx.partnership.id, data);
      return paths.plan(ctx.partnership.id);
    },
    flash: "The funding stream has been added",
  });

  formRoute(app, {
    path: paths.newAllocation,
    needs: { partnership: "partnership:edit" },
    load: (ctx) => findStream(db, ctx.partnership.id, ctx.params.streamId),
    template: "budgets/views/allocation-form.njk",
    view: async (ctx) => ({
      title: `Allocate money from ${ctx.record.name}`,
      partnership: ctx.partnership,
      stream: ctx.record,
      years: ctx.record.years.map((year) => ({ ...year, amount: formatPounds(year.amountPence) })),
      actionItems: [
        { value: "", text: "Select an action" },
        ...(await actionChoices(db, ctx.partnership.id)).map((choice) => ({ value: choice.id, text: choice.label })),
      ],
      backHref: paths.plan(ctx.partnership.id),
    }),
    initial: (ctx) => ({ financialYear: ctx.record.firstYear }),
    schema: allocationForm,
    save: async (ctx, data) => {
      await addAllocation(db, ctx.audit, ctx.partnership.id, ctx.record, data);
      return paths.plan(ctx.partnership.id);
    },
    flash: "The allocation has been added",
  });

  deleteRoute(app, {
    path: paths.removeStream,
    needs: { partnership: "partnership:edit" },
    load: (ctx) => findStream(db, ctx.partnership.id, ctx.params.streamId),
    question: (ctx) => `Are you sure you want to remove the funding stream “${ctx.record.name}”?`,
    consequences: () => ["its amounts for each year", "every allocation made from it"],
    remove: (ctx) => removeStream(db, ctx.audit, ctx.partnership.id, ctx.record.id),
    done: (ctx) => paths.plan(ctx.partnership.id),
    flash: "The funding stream has been removed",
  });

  deleteRoute(app, {
    path: paths.removeAllocation,
    needs: { partnership: "partnership:edit" },
    load: (ctx) => findAllocation(db, ctx.partnership.id, ctx.params.streamId, ctx.params.allocationId),
    question: (ctx) =>
      `Are you sure you want to remove the allocation of ${formatPounds(ctx.record.amountPence)} for ${ctx.record.financialYear}?`,
    remove: (ctx) => removeAllocation(db, ctx.audit, ctx.partnership.id, ctx.record.streamId, ctx.record.id),
    done: (ctx) => paths.plan(ctx.partnership.id),
    flash: "The allocation has been removed",
  });
}
