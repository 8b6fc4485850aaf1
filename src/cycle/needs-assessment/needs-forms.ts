import type { FastifyInstance } from "fastify";
import type { Db } from "../../kernel/db/database.ts";
import { publishableIndicators } from "../../data/indicators/index.ts";
import type { FieldDef } from "../../kernel/forms/index.ts";
import { needsFormRoute } from "./form-route.ts";
import { needsAssessmentPaths as paths } from "./paths.ts";
import { addEntry, checkPanel, saveNarrative, setReviewDate } from "./needs-service.ts";
import { findAssessment, findNarrative } from "./repository.ts";
import {
  findingForm,
  narrativeForm,
  otherAssessmentForm,
  panelForm,
  qualitativeForm,
  reviewDateForm,
  serviceForm,
  swotCategories,
  swotForm,
  swotLabels,
} from "./schemas.ts";

const isoToText = (iso: string | null | undefined) => (iso ? iso.split("-").reverse().join("/") : "");

/** The assessment's add and change forms (editors and leads). */
/**
 * An indicator as a person picks it: by title; where two share a title, with the source that
 * tells them apart (never the internal identifier).
 */
function choiceText(
  row: { slug: string; title: string; publisher: string; dataset: string },
  all: readonly { slug: string; title: string }[],
): string {
  const twin = all.some((other) => other.slug !== row.slug && other.title === row.title);
  const source = [row.publisher, row.dataset].filter(Boolean).join(", ");
  return twin ? `${row.title} (${source || "source not recorded"})` : row.title;
}

export function registerNeedsForms(app: FastifyInstance, db: Db): void {
  needsFormRoute(app, {
    path: paths.narrative,
    title: (ctx) => `Narrative: ${ctx.section!.heading}`,
    intro:
      "What the evidence says about this part of child poverty locally. Write plain paragraphs (a blank line between them) or simple HTML: headings, lists, bold, links.",
    fields: [{ id: "narrative", label: "Narrative", type: "textarea", rows: 14 }],
    schema: narrativeForm,
    initial: async (ctx) => ({
      narrative: (await findNarrative(db, ctx.partnership.id, ctx.section!.code))?.narrative ?? "",
    }),
    save: async (ctx, data) => {
      await saveNarrative(db, ctx.request.auditContext(), ctx.partnership.id, ctx.section!.code, data.narrative);
      return `#section-${ctx.section!.code}`;
    },
  });

  needsFormRoute(app, {
    path: paths.addPanel,
    title: (ctx) => `Add an indicator: ${ctx.section!.heading}`,
    intro:
      "The panel shows the indicator's trend as a chart and a table, with a drafted sentence, its period and source. Locally held data is shown after disclosure control.",
    fields: async (ctx): Promise<FieldDef[]> => {
      const catalogue = await publishableIndicators(db, ctx.partnership.id);
      return [
        {
          id: "indicatorSlug",
          label: "Indicator",
          type: "select",
          hint: catalogue.length ? undefined : "The catalogue is empty until data is imported: import data first",
          items: catalogue.map((row) => ({ value: row.slug, text: choiceText(row, catalogue) })),
        },
        {
          id: "areaCode",
          label: "Area code (optional)",
          type: "text",
          hint: `A GSS code. Leave empty for ${ctx.partnership.areaName} (${ctx.partnership.areaCode})`,
          classes: "govuk-input--width-10",
        },
      ];
    },
    schema: panelForm,
    save: async (ctx, data) => {
      const checked = await checkPanel(db, ctx.partnership, data);
      await addEntry(db, ctx.request.auditContext(), ctx.partnership.id, {
        kind: "panel",
        sectionCode: ctx.section!.code,
        data: checked,
      });
      return `#section-${ctx.section!.code}`;
    },
  });

  needsFormRoute(app, {
    path: paths.addFinding,
    title: (ctx) => `Add a finding: ${ctx.section!.heading}`,
    intro:
      "A finding is a short statement of need, like “Lone-parent families in the east of the town are less likely to claim the benefits they are entitled to”. Strategy priorities and actions can link to it.",
    fields: [{ id: "statement", label: "Finding", type: "textarea", rows: 3 }],
    schema: findingForm,
    save: async (ctx, data) => {
      await addEntry(db, ctx.request.auditContext(), ctx.partnership.id, {
        kind: "finding",
        sectionCode: ctx.section!.code,
        data,
      });
      return `#section-${ctx.section!.code}`;
    },
  });

  needsFormRoute(app, {
    path: paths.addQualitative,
    title: (ctx) => `Add qualitative evidence: ${ctx.section!.heading}`,
    fields: [
      { id: "source", label: "Who it came from", type: "text", hint: "For example, Parents attending the family hub" },
      {
        id: "method",
        label: "How it was gathered",
        type: "text",
        hint: "For example, Three focus groups, autumn 2025",
      },
      { id: "summary", label: "Summary", type: "textarea" },
      {
        id: "quotes",
        label: "Quotes (optional)",
        type: "textarea",
        hint: "One quote a line. Do not include anything that identifies a person",
      },
    ],
    schema: qualitativeForm,
    save: async (ctx, data) => {
      await addEntry(db, ctx.request.auditContext(), ctx.partnership.id, {
        kind: "qualitative",
        sectionCode: ctx.section!.code,
        data,
      });
      return `#section-${ctx.section!.code}`;
    },
  });

  needsFormRoute(app, {
    path: paths.addService,
    title: () => "Add a local service",
    fields: [
      { id: "name", label: "Service", type: "text" },
      { id: "provider", label: "Provider (optional)", type: "text" },
      { id: "description", label: "What it offers and to whom", type: "textarea" },
    ],
    schema: serviceForm,
    save: async (ctx, data) => {
      await addEntry(db, ctx.request.auditContext(), ctx.partnership.id, { kind: "service", data });
      return "#services";
    },
  });

  needsFormRoute(app, {
    path: paths.addSwot,
    title: () => "Add to the SWOT analysis",
    fields: [
      {
        id: "category",
        label: "Kind",
        type: "radios",
        items: swotCategories.map((value) => ({ value, text: swotLabels[value] })),
      },
      { id: "text", label: "Point", type: "textarea", rows: 3 },
    ],
    schema: swotForm,
    save: async (ctx, data) => {
      await addEntry(db, ctx.request.auditContext(), ctx.partnership.id, { kind: "swot", data });
      return "#swot";
    },
  });

  needsFormRoute(app, {
    path: paths.addOtherAssessment,
    title: () => "Link another assessment",
    intro: "Other needs assessments this one draws on, like the joint strategic needs assessment.",
    fields: [
      { id: "title", label: "Title", type: "text" },
      { id: "owner", label: "Owner (optional)", type: "text", hint: "The organisation or board responsible for it" },
      {
        id: "url",
        label: "Link (optional)",
        type: "url",
        hint: "A full web address, like https://www.example.gov.uk/jsna",
      },
    ],
    schema: otherAssessmentForm,
    save: async (ctx, data) => {
      await addEntry(db, ctx.request.auditContext(), ctx.partnership.id, { kind: "other-assessment", data });
      return "#other-assessments";
    },
  });

  needsFormRoute(app, {
    path: paths.reviewDate,
    title: () => "Set the review date",
    fields: [
      {
        id: "reviewDate",
        label: "Review date",
        type: "date",
        hint: "When the partnership will next review the assessment, like 31/03/2027",
      },
    ],
    schema: reviewDateForm,
    initial: async (ctx) => ({ reviewDate: isoToText((await findAssessment(db, ctx.partnership.id))?.reviewDate) }),
    save: async (ctx, data) => {
      await setReviewDate(db, ctx.request.auditContext(), ctx.partnership.id, data);
      return "#review";
    },
  });
}
