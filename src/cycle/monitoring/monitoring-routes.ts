import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { type ActionRow, actionPaths, listMilestones, updatableAction } from "../actions/index.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { formatPounds } from "../../kernel/money.ts";
import { registerCorrectionRoutes } from "./correction-routes.ts";
import { loadDashboard } from "./dashboard-service.ts";
import { monitoringPaths } from "./paths.ts";
import { formatPeriod, parsePeriod, periodOf, selectablePeriods } from "./periods.ts";
import { latestByAction } from "./repository.ts";
import { updateFields } from "./update-fields.ts";
import { updateForm } from "./schemas.ts";
import { recordUpdate } from "./update-service.ts";
import { londonToday } from "../../kernel/time.ts";

export function registerMonitoringRoutes(app: FastifyInstance, { db }: AppContext): void {
  const updatable = updatableAction(db);
  registerCorrectionRoutes(app, db);
  const dashboardPath = monitoringPaths.dashboard;
  app.get(dashboardPath.pattern, needs(dashboardPath, { partnership: "partnership:read" }), async (request, reply) => {
    const partnership = request.partnership;
    const id = partnership.id;
    const asked = (request.query as { period?: unknown }).period;
    const period = (typeof asked === "string" && parsePeriod(asked)) || periodOf(londonToday());
    const dashboard = await loadDashboard(db, request.actor, partnership, period, londonToday());
    return reply.view("monitoring/views/dashboard.njk", {
      title: `Monitoring – ${partnership.name}`,
      partnership,
      ...dashboard,
      periods: selectablePeriods(londonToday()),
      subnav: {
        partnershipId: id,
        partnershipName: partnership.name,
        nation: partnership.nation,
        current: "monitoring",
      },
    });
  });

  // Sent once (kernel/forms/once.ts): a double click records one update, not two.
  formRoute<typeof monitoringPaths.newUpdate.pattern, typeof updateForm, ActionRow>(app, {
    path: monitoringPaths.newUpdate,
    needs: { record: updatable },
    title: (ctx) => `Report progress on “${ctx.record.title}”`,
    submitText: "Save update",
    load: async (ctx) => updatable.of(ctx.request),
    fields: async (ctx) => {
      const open = (await listMilestones(db, ctx.partnership.id, ctx.record.id)).filter((row) => !row.doneDate);
      const fields = updateFields(selectablePeriods(londonToday()));
      if (open.length) {
        fields.push({
          id: "milestoneIds",
          label: "Milestones completed",
          type: "checkboxes",
          hint: "Select any milestones done since the last update",
          items: open.map((row) => ({ value: row.id, text: row.title })),
        });
      }
      return fields;
    },
    initial: async (ctx) => {
      const latest = (await latestByAction(db, ctx.partnership.id)).get(ctx.record.id);
      return {
        period: formatPeriod(periodOf(londonToday())),
        status: latest?.status,
        percentComplete: latest ? String(latest.percentComplete) : "",
        spendToDatePence:
          latest?.spendToDatePence != null ? formatPounds(latest.spendToDatePence, { symbol: false }) : "",
      };
    },
    schema: updateForm,
    save: async (ctx, data) => {
      await recordUpdate(db, ctx.audit, ctx.partnership.id, ctx.record.id, data, londonToday());
      return actionPaths.action(ctx.partnership.id, ctx.record.id);
    },
    back: (ctx) => actionPaths.action(ctx.partnership.id, ctx.record.id),
    flash: "Your changes have been saved",
  });
}
