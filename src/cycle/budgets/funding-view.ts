import type { Executor } from "../../kernel/db/database.ts";
import { formatPounds } from "../../kernel/money.ts";
import { renderCached, stackedBarChart } from "../../lib/charts/index.ts";
import { actionChoices, actionPaths } from "../actions/index.ts";
import { computeFundingPlan, type FundingPlan, type YearFigures } from "./funding-plan.ts";
import { contributionFundedYears, listAllocations, listStreams } from "./funding-repository.ts";
import { flexibilityLabels, statusLabels } from "./funding-schemas.ts";
import { budgetPaths } from "./paths.ts";
import { kindLabels } from "./schemas.ts";

const pounds = (pence: number) => formatPounds(pence);
const orNone = (pence: number) => (pence ? formatPounds(pence) : "None");

function yearRow(row: YearFigures) {
  return {
    financialYear: row.financialYear,
    income: pounds(row.income),
    committedIncome: pounds(row.committedIncome),
    indicativeIncome: pounds(row.indicativeIncome),
    carriedIn: orNone(row.carriedIn),
    available: pounds(row.available),
    allocatedCommitted: pounds(row.allocatedCommitted),
    allocatedIndicative: pounds(row.allocatedIndicative),
    allocated: pounds(row.allocated),
    carriedOut: orNone(row.carriedOut),
    lapsed: orNone(row.lapsed),
    shortfall: row.shortfall ? pounds(row.shortfall) : "",
  };
}

/** The chart of the plan: what each year has (committed, indicative, carried in) beside what it allocates. */
export function fundingChart(plan: FundingPlan, partnershipName: string) {
  const inPounds = (pick: (row: YearFigures) => number) => plan.totals.map((row) => pick(row) / 100);
  const period = `${plan.years[0]} to ${plan.years.at(-1)}`;
  const input = {
    title: `Funding available and allocated by financial year, ${partnershipName}`,
    period: `Financial years ${period}`,
    source: "the partnership's funding plan in this service",
    unit: "currency" as const,
    decimals: 2,
    categoryLabel: "Financial year",
    categories: plan.years,
    series: [
      { name: "Committed funding", stack: "available", values: inPounds((row) => row.committedIncome) },
      {
        name: "Indicative funding",
        stack: "available",
        values: inPounds((row) => row.indicativeIncome),
        hatched: true,
      },
      { name: "Carried forward in", stack: "available", values: inPounds((row) => row.carriedIn) },
      { name: "Committed allocations", stack: "allocated", values: inPounds((row) => row.allocatedCommitted) },
      {
        name: "Indicative allocations",
        stack: "allocated",
        values: inPounds((row) => row.allocatedIndicative),
        hatched: true,
      },
    ],
  };
  return renderCached("funding-plan", [JSON.stringify(input)], () => stackedBarChart(input));
}

/** Unfunded action-years grouped by action, so a long plan lists each action once with its years. */
function unfundedByAction(plan: FundingPlan) {
  const byAction = new Map<string, { actionId: string; label: string; years: string[] }>();
  for (const gap of plan.unfundedActions) {
    const entry = byAction.get(gap.actionId) ?? { actionId: gap.actionId, label: gap.label, years: [] };
    entry.years.push(gap.financialYear);
    byAction.set(gap.actionId, entry);
  }
  return [...byAction.values()];
}

/** Everything the plan page shows, computed from the records (funding-plan.ts) and formatted. */
export async function fundingPlanView(db: Executor, partnership: { id: string; name: string }, canEdit: boolean) {
  const [streams, allocations, choices, contributionFunded] = await Promise.all([
    listStreams(db, [partnership.id]),
    listAllocations(db, partnership.id),
    actionChoices(db, partnership.id),
    contributionFundedYears(db, partnership.id),
  ]);
  const plan = computeFundingPlan({ streams, allocations, actions: choices, contributionFunded });
  const actionLabel = new Map(choices.map((choice) => [choice.id, choice.label]));
  const actionHref = (actionId: string) => actionPaths.action(partnership.id, actionId);
  return {
    plan,
    years: plan.years,
    period: plan.years.length ? `${plan.years[0]} to ${plan.years.at(-1)}` : "",
    chart: plan.years.length ? fundingChart(plan, partnership.name) : null,
    totals: plan.totals.map(yearRow),
    streams: streams.map((stream) => {
      const figures = plan.streams.find((entry) => entry.id === stream.id)!;
      return {
        id: stream.id,
        name: stream.name,
        sourceName: stream.sourceName,
        external: !stream.sourceOrganisationId,
        kindLabel: kindLabels[stream.kind as keyof typeof kindLabels] ?? stream.kind,
        flexibility: stream.flexibility,
        flexibilityLabel: flexibilityLabels[stream.flexibility],
        period: `${stream.firstYear} to ${stream.lastYear}`,
        yearCount: figures.years.length,
        conditions: stream.conditions,
        years: figures.years.map((row) => ({
          ...yearRow(row),
          status:
            statusLabels[stream.years.find((year) => year.financialYear === row.financialYear)?.status ?? "indicative"],
        })),
        allocations: allocations
          .filter((allocation) => allocation.streamId === stream.id)
          .map((allocation) => ({
            id: allocation.id,
            financialYear: allocation.financialYear,
            actionLabel: actionLabel.get(allocation.actionId) ?? "Removed action",
            actionHref: actionHref(allocation.actionId),
            amount: pounds(allocation.amountPence),
            statusLabel: statusLabels[allocation.status],
            removeHref: budgetPaths.removeAllocation(partnership.id, stream.id, allocation.id),
            removeLabel: `${actionLabel.get(allocation.actionId) ?? "allocation"} ${allocation.financialYear}`,
          })),
        addAllocationHref: budgetPaths.newAllocation(partnership.id, stream.id),
        removeHref: budgetPaths.removeStream(partnership.id, stream.id),
      };
    }),
    overAllocated: plan.overAllocated.map((gap) => ({ ...gap, shortfall: pounds(gap.shortfall) })),
    unfundedActions: unfundedByAction(plan).map((gap) => ({ ...gap, href: actionHref(gap.actionId) })),
    undatedActions: plan.undatedActions,
    actionCount: choices.length,
    canEdit,
    newStreamHref: budgetPaths.newStream(partnership.id),
    budgetsHref: budgetPaths.list(partnership.id),
  };
}
