import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { type ActionRow, actionFor, listMilestones, ragLabels, ragStatuses } from "../actions/index.ts";
import { partnershipFor } from "../../workspace/partnerships/index.ts";
import { type FieldDef, registerFormRoute } from "../../kernel/forms/index.ts";
import { parseIds } from "../../kernel/http/params.ts";
import { formatPounds } from "../../kernel/money.ts";
import { loadDashboard } from "./dashboard-service.ts";
import { formatPeriod, parsePeriod, periodOf, selectablePeriods } from "./periods.ts";
import { latestByAction } from "./repository.ts";
import { updateForm } from "./schemas.ts";
import { recordUpdate } from "./update-service.ts";
import { londonToday } from "../../kernel/time.ts";

export function registerMonitoringRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.get("/partnerships/:id/monitoring", async (request, reply) => {
    const { id } = parseIds(request.params, "id");
    const partnership = await partnershipFor(db, request.actor, id, "partnership:read");
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

  registerFormRoute<typeof updateForm, ActionRow>(app, db, {
    path: "/actions/:actionId/updates/new",
    action: "partnership:read",
    section: "actions",
    title: (ctx) => `Report progress on “${ctx.record.title}”`,
    submitText: "Save update",
    load: async (ctx) => (await actionFor(db, ctx.actor, ctx.partnership.id, ctx.params.actionId!, "update")).action,
    fields: async (ctx) => {
      const open = (await listMilestones(db, ctx.partnership.id, ctx.record.id)).filter((row) => !row.doneDate);
      const fields: FieldDef[] = [
        {
          id: "period",
          label: "Reporting period",
          type: "select",
          hint: "Quarters of the financial year: Q1 is April to June",
          items: selectablePeriods(londonToday()).map((value) => ({ value, text: value })),
        },
        {
          id: "status",
          label: "Status",
          type: "radios",
          items: ragStatuses.map((value) => ({ value, text: ragLabels[value] })),
        },
        {
          id: "reason",
          label: "Reason (required for amber or red)",
          type: "textarea",
          rows: 3,
          hint: "What is causing the risk or delay, and what is being done",
        },
        {
          id: "percentComplete",
          label: "Percentage complete",
          type: "number",
          classes: "govuk-input--width-3",
          hint: "A whole number from 0 to 100",
        },
        {
          id: "narrative",
          label: "Progress this period",
          type: "textarea",
          hint: "What happened, what changed for families",
        },
        { id: "spendToDatePence", label: "Spend to date (optional)", type: "money", classes: "govuk-input--width-10" },
        { id: "peopleReached", label: "People reached (optional)", type: "number", classes: "govuk-input--width-10" },
        {
          id: "familiesReached",
          label: "Families reached (optional)",
          type: "number",
          classes: "govuk-input--width-10",
        },
        {
          id: "evidenceUrls",
          label: "Evidence links (optional)",
          type: "textarea",
          rows: 3,
          hint: "One web address per line, starting with https://",
        },
      ];
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
      await recordUpdate(db, ctx.request.auditContext(), ctx.partnership.id, ctx.record.id, data, londonToday());
      return `/partnerships/${ctx.partnership.id}/actions/${ctx.record.id}?saved=1`;
    },
    back: (ctx) => `/partnerships/${ctx.partnership.id}/actions/${ctx.record.id}`,
  });
}
