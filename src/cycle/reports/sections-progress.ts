import { driverFrameworkFor, familyTypes, ragStatuses, type RagStatus, topDriver } from "../actions/index.ts";
import { statusChart } from "../../lib/charts/index.ts";
import { type BlockInput, figureFromChart } from "../../lib/documents/index.ts";
import { count, money, planNote, status, updatesNote } from "./format.ts";
import type { GeneratedSection } from "./generated.ts";
import type { ReportAction, ReportData } from "./report-data.ts";
import { activeInYear } from "./sections-statutory.ts";

function sum(values: (number | null | undefined)[]): number | null {
  const known = values.filter((value): value is number => value !== null && value !== undefined);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

function statusCounts(actions: ReportAction[]) {
  const counts: Record<RagStatus | "none", number> = {
    "not-started": 0,
    green: 0,
    amber: 0,
    red: 0,
    complete: 0,
    none: 0,
  };
  for (const action of actions) counts[action.yearEnd?.status ?? "none"] += 1;
  return counts;
}

export function summary(data: ReportData): GeneratedSection {
  const active = data.actions.filter(activeInYear);
  const counts = statusCounts(data.actions);
  const bodies = data.bodies.map((body) => body.name).join(" and ");
  const text = [
    `This report covers ${data.reportingYear}, from 1 April ${data.yearStart.slice(0, 4)} to 31 March ${data.yearEnd.slice(0, 4)}.`,
    data.bodies.length ? `It is made jointly by ${bodies}, with the partners of ${data.partnership.name}.` : "",
    `The action plan holds ${data.actions.length} actions; ${active.length} have progress recorded for the year.`,
    `At the end of the year ${counts.complete} were complete, ${counts.green} on track, ${counts.amber} at some risk, ${counts.red} off track, ${counts["not-started"]} not started and ${counts.none} had no update.`,
  ];
  return {
    key: "summary",
    heading: "Summary",
    prompt: "Introduce the report: the partnership's ambition for the year and the main achievements and challenges.",
    blocks: [{ type: "paragraph", text: text.filter(Boolean).join(" ") }],
  };
}

export function progressByPriority(data: ReportData): GeneratedSection {
  const groups = data.priorities.map((priority) => ({
    name: priority.title,
    actions: data.actions.filter((a) => a.priorities.some((p) => p.id === priority.id)),
  }));
  const unlinked = data.actions.filter((action) => action.priorities.length === 0);
  if (unlinked.length) groups.push({ name: "Not linked to a priority", actions: unlinked });
  const blocks: BlockInput[] = [];
  const withActions = groups.filter((group) => group.actions.length > 0);
  if (withActions.length) {
    const chart = statusChart({
      title: `Actions by status at the end of ${data.reportingYear}, by priority`,
      source: "Progress updates, Child Poverty Action Hub",
      unit: "count",
      groups: withActions.slice(0, 40).map((group) => {
        const c = statusCounts(group.actions);
        return {
          name: group.name.slice(0, 100),
          counts: { red: c.red, amber: c.amber, green: c.green, complete: c.complete, "not-started": c["not-started"] },
        };
      }),
    });
    blocks.push(
      figureFromChart(chart, {
        caption: `Status of actions at the end of ${data.reportingYear}, by priority`,
        note: updatesNote(data.reportingYear, data.yearStart, data.yearEnd),
      }),
    );
  }
  blocks.push({
    type: "table",
    table: {
      caption: `Progress by priority, ${data.reportingYear}`,
      columns: ["Priority", "Actions", "Complete", "On track", "Some risk", "Off track", "Not started", "No update"],
      rows: groups.map((group) => {
        const c = statusCounts(group.actions);
        return [
          group.name,
          String(group.actions.length),
          String(c.complete),
          String(c.green),
          String(c.amber),
          String(c.red),
          String(c["not-started"]),
          String(c.none),
        ];
      }),
      notes: [updatesNote(data.reportingYear, data.yearStart, data.yearEnd)],
    },
  });
  return {
    key: "progress-by-priority",
    heading: "Progress by priority",
    prompt: "Comment on progress against each priority of the strategy.",
    blocks,
  };
}

export function actionsByRag(data: ReportData): GeneratedSection {
  const order = [...ragStatuses].reverse();
  const sorted = [...data.actions].sort(
    (a, b) => order.indexOf(b.yearEnd?.status ?? "not-started") - order.indexOf(a.yearEnd?.status ?? "not-started"),
  );
  return {
    key: "actions-by-rag",
    heading: "Actions by status",
    prompt: "Explain what is being done about actions that are off track or at risk.",
    blocks: [
      {
        type: "table",
        table: {
          caption: `Every action by status at the end of ${data.reportingYear}`,
          columns: ["Ref", "Action", "Lead partner", "Status", "Complete", "Reason (amber or red)"],
          rows: sorted.map((action) => [
            action.reference || "–",
            action.title,
            action.leadName,
            status(action.yearEnd?.status),
            action.yearEnd ? `${action.yearEnd.percentComplete}%` : "No update",
            action.yearEnd?.reason || "–",
          ]),
          notes: [updatesNote(data.reportingYear, data.yearStart, data.yearEnd)],
        },
      },
    ],
  };
}

export function spendAndReach(data: ReportData): GeneratedSection {
  const rows = data.priorities.map((priority) => {
    const actions = data.actions.filter((a) => a.priorities[0]?.id === priority.id);
    return [
      priority.title,
      money(actions.reduce((total, a) => total + a.budgetInYearPence, 0)),
      money(sum(actions.map((a) => a.yearEnd?.spendToDatePence))),
      count(sum(actions.map((a) => a.yearEnd?.familiesReached))),
      count(sum(actions.map((a) => a.yearEnd?.peopleReached))),
    ];
  });
  const all = data.actions;
  rows.push([
    "All actions",
    money(all.reduce((total, a) => total + a.budgetInYearPence, 0)),
    money(sum(all.map((a) => a.yearEnd?.spendToDatePence))),
    count(sum(all.map((a) => a.yearEnd?.familiesReached))),
    count(sum(all.map((a) => a.yearEnd?.peopleReached))),
  ]);
  return {
    key: "spend-and-reach",
    heading: "Spend and reach",
    prompt: "Comment on resources: pooled and aligned budgets, value for money, and who was reached.",
    blocks: [
      {
        type: "table",
        table: {
          caption: `Budget, spend and reach by priority, ${data.reportingYear}`,
          columns: [
            "Priority (first listed)",
            `Budget ${data.reportingYear}`,
            "Spend to date",
            "Families reached",
            "People reached",
          ],
          rows,
          notes: [
            updatesNote(data.reportingYear, data.yearStart, data.yearEnd),
            "Budgets are from the action plan for the year. 'Not recorded' means no update gave a figure; it is not zero.",
          ],
        },
      },
    ],
  };
}

export function drivers(data: ReportData): GeneratedSection {
  const framework = driverFrameworkFor(data.partnership.nation);
  const rows = framework.groups.map((group) => {
    const actions = data.actions.filter((a) => a.drivers.some((code) => topDriver(code) === group.code));
    const subs = group.children.map(
      (child) => `${child.label}: ${actions.filter((a) => a.drivers.includes(child.code)).length}`,
    );
    return [group.label, String(actions.length), String(actions.filter(activeInYear).length), subs.join("; ") || "–"];
  });
  const untagged = data.actions.filter((a) => a.drivers.length === 0).length;
  return {
    key: "drivers",
    heading: framework.plural,
    prompt: `Explain how the actions address each ${framework.name.toLowerCase()} of child poverty in the area.`,
    blocks: [
      {
        type: "table",
        table: {
          caption: `Actions by ${framework.name.toLowerCase()}`,
          columns: [framework.name, "Actions", `With progress in ${data.reportingYear}`, "By sub-driver"],
          rows,
          notes: [
            planNote,
            untagged
              ? `${untagged} actions are not tagged to any ${framework.name.toLowerCase()}.`
              : `Every action is tagged to at least one ${framework.name.toLowerCase()}.`,
          ],
        },
      },
    ],
  };
}

export function priorityFamilies(data: ReportData): GeneratedSection {
  return {
    key: "priority-families",
    heading: "Priority family types",
    prompt: "Describe how the actions reached the six priority family types, and any gaps.",
    blocks: [
      {
        type: "table",
        table: {
          caption: "Actions reaching each priority family type",
          columns: ["Family type", "Actions", `Families reached (${data.reportingYear})`],
          rows: familyTypes.map((family) => {
            const actions = data.actions.filter((a) => a.familyTypes.includes(family.code));
            return [family.label, String(actions.length), count(sum(actions.map((a) => a.yearEnd?.familiesReached)))];
          }),
          notes: [
            updatesNote(data.reportingYear, data.yearStart, data.yearEnd),
            "Families reached counts every family reached by actions aimed at the type; a family may be in several types.",
          ],
        },
      },
    ],
  };
}
