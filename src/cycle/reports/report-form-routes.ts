import type { FastifyInstance } from "fastify";
import { formRoute } from "../../kernel/forms/index.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { currentReportingYear, londonToday } from "../../kernel/time.ts";
import { signOffRoleLabels, signOffRoles } from "../strategy/index.ts";
import { reportPaths } from "./paths.ts";
import { reportTypeHints, reportTypeLabels, reportTypesFor, selectableYears } from "./report-types.ts";
import type { ReportRouteDeps } from "./report-routes.ts";
import * as service from "./report-service.ts";
import { narrativeForm, newReportForm, signOffForm } from "./schemas.ts";

const saved = "Your changes have been saved";

/** The report's forms: create one, record a sign-off, write a section's narrative. */
export function registerReportForms(app: FastifyInstance, db: Db, deps: ReportRouteDeps): void {
  formRoute(app, {
    path: reportPaths.newReport,
    needs: { partnership: "partnership:edit" },
    title: "Create a report",
    intro:
      "The report drafts itself from the strategy, action plan, progress updates and indicators already recorded. You can then add narrative to each section.",
    submitText: "Create report",
    fields: (ctx) => [
      {
        id: "type",
        label: "Kind of report",
        type: "radios",
        items: reportTypesFor(ctx.partnership.nation).map((type) => ({
          value: type,
          text: reportTypeLabels[type],
          hint: reportTypeHints[type],
        })),
      },
      {
        id: "reportingYear",
        label: "Reporting year (1 April to 31 March)",
        type: "select",
        items: selectableYears(currentReportingYear(londonToday())).map((year) => ({ value: year, text: year })),
      },
    ],
    schema: newReportForm,
    initial: (ctx) => ({
      type: reportTypesFor(ctx.partnership.nation)[0],
      reportingYear: currentReportingYear(londonToday()),
    }),
    save: async (ctx, data) => {
      const row = await service.createReport(db, ctx.audit, ctx.partnership, data, londonToday(), deps);
      return reportPaths.report(ctx.partnership.id, row.id);
    },
    back: (ctx) => reportPaths.list(ctx.partnership.id),
  });

  formRoute(app, {
    path: reportPaths.signOff,
    needs: { partnership: "partnership:manage" },
    load: async (ctx) => (await service.loadReport(db, ctx.partnership.id, ctx.params.reportId, deps.links)).report,
    title: "Record a sign-off",
    intro: "Record who approved this version of the report. Any later change to the report supersedes the sign-off.",
    fields: [
      { id: "name", label: "Name and title", type: "text" },
      {
        id: "role",
        label: "Role",
        type: "radios",
        items: signOffRoles.map((role) => ({ value: role, text: signOffRoleLabels[role] })),
      },
      { id: "signedOn", label: "Date signed off", type: "date", hint: "For example, 27/06/2026" },
    ],
    schema: signOffForm,
    save: async (ctx, data) => {
      await service.signOffReport(db, ctx.audit, ctx.partnership.id, ctx.record.id, data, londonToday());
      return reportPaths.report(ctx.partnership.id, ctx.record.id);
    },
    back: (ctx) => reportPaths.report(ctx.partnership.id, ctx.record.id),
    flash: saved,
  });

  // One narrative block per section: sanitised rich text kept apart from the generated data.
  formRoute(app, {
    path: reportPaths.section,
    needs: { partnership: "partnership:edit" },
    load: async (ctx) => {
      const loaded = await service.loadReport(db, ctx.partnership.id, ctx.params.reportId, deps.links);
      const section = loaded.generated.sections.find((row) => row.key === ctx.params.key);
      if (!section) throw AppError.notFound();
      return { loaded, section };
    },
    title: (ctx) => `Narrative: ${ctx.record.section.heading}`,
    caption: (ctx) => ctx.record.loaded.generated.title,
    intro:
      "Your text appears at the start of this section, above the data drafted from recorded work. Regenerating the data keeps it.",
    fields: (ctx) => [
      {
        id: "narrative",
        label: ctx.record.section.heading,
        type: "textarea",
        rows: 12,
        hint: `${ctx.record.section.prompt} Separate paragraphs with a blank line; simple HTML (paragraphs, lists, bold, links) is kept.`,
      },
    ],
    initial: (ctx) => ({ narrative: ctx.record.loaded.narratives.get(ctx.record.section.key) ?? "" }),
    schema: narrativeForm,
    submitText: "Save narrative",
    save: async (ctx, data) => {
      const { loaded, section } = ctx.record;
      await service.saveNarrative(db, ctx.audit, ctx.partnership.id, loaded.report.id, section.key, data.narrative);
      return reportPaths.report(ctx.partnership.id, loaded.report.id);
    },
    back: (ctx) => reportPaths.report(ctx.partnership.id, ctx.record.loaded.report.id),
    flash: saved,
  });
}
