/**
 * The multi-year funding plan, computed: no database, no formatting, integer pence throughout.
 *
 * Method, as the plan page states it:
 * - A stream's money available in a year is what it brings that year plus what it carries in.
 * - A flexible stream carries what is left unallocated at the end of a year into its next year,
 *   within its own years; what is left after its last year lapses. A ring-fenced stream carries
 *   nothing: what is left at the end of each year lapses (returned to, or reclaimed by, the funder).
 * - A year whose allocations exceed what is available has a shortfall (a gap). Allocations over
 *   the amount are allowed: a plan is drawn before every bid is won, and the gap is the point.
 *   A shortfall is not borrowed from the next year, and nothing is carried out of it.
 * - An action with dates runs in every financial year its dates touch; a year it runs with no
 *   allocation from any stream and no contribution linked to it is an unfunded action-year.
 *   Actions without dates cannot be placed in years and are counted apart.
 */

export type Flexibility = "flexible" | "ring-fenced";
export type FundingStatus = "committed" | "indicative";

export interface PlanStreamInput {
  id: string;
  name: string;
  flexibility: Flexibility;
  firstYear: string;
  lastYear: string;
  years: { financialYear: string; amountPence: number; status: FundingStatus }[];
}

export interface PlanAllocationInput {
  streamId: string;
  actionId: string;
  financialYear: string;
  amountPence: number;
  status: FundingStatus;
}

export interface PlanActionInput {
  id: string;
  label: string;
  startDate: string | null;
  endDate: string | null;
}

export interface YearFigures {
  financialYear: string;
  /** What the stream(s) bring in this year, split by the status of that money. */
  committedIncome: number;
  indicativeIncome: number;
  income: number;
  carriedIn: number;
  available: number;
  allocatedCommitted: number;
  allocatedIndicative: number;
  allocated: number;
  carriedOut: number;
  lapsed: number;
  shortfall: number;
}

export interface StreamPlan {
  id: string;
  name: string;
  flexibility: Flexibility;
  years: YearFigures[];
}

export interface FundingPlan {
  /** Every financial year any stream covers, oldest first, with no year missing between. */
  years: string[];
  streams: StreamPlan[];
  totals: YearFigures[];
  overAllocated: { streamId: string; streamName: string; financialYear: string; shortfall: number }[];
  unfundedActions: { actionId: string; label: string; financialYear: string }[];
  undatedActions: number;
}

/** "2025/26" → 2025. */
export const startYearOf = (label: string): number => Number(label.slice(0, 4));
const label = (start: number) => `${start}/${String((start + 1) % 100).padStart(2, "0")}`;

/** Every financial year from first to last, inclusive ("2025/26".."2027/28" → three years). */
export function yearsBetween(first: string, last: string): string[] {
  const years: string[] = [];
  for (let year = startYearOf(first); year <= startYearOf(last); year += 1) years.push(label(year));
  return years;
}

const emptyYear = (financialYear: string): YearFigures => ({
  financialYear,
  committedIncome: 0,
  indicativeIncome: 0,
  income: 0,
  carriedIn: 0,
  available: 0,
  allocatedCommitted: 0,
  allocatedIndicative: 0,
  allocated: 0,
  carriedOut: 0,
  lapsed: 0,
  shortfall: 0,
});

function streamPlan(stream: PlanStreamInput, allocations: PlanAllocationInput[]): StreamPlan {
  const years = yearsBetween(stream.firstYear, stream.lastYear);
  let carry = 0;
  const figures = years.map((financialYear, index) => {
    const row = emptyYear(financialYear);
    for (const year of stream.years.filter((entry) => entry.financialYear === financialYear)) {
      row[year.status === "committed" ? "committedIncome" : "indicativeIncome"] += year.amountPence;
    }
    row.income = row.committedIncome + row.indicativeIncome;
    row.carriedIn = carry;
    row.available = row.income + row.carriedIn;
    for (const allocation of allocations) {
      if (allocation.streamId !== stream.id || allocation.financialYear !== financialYear) continue;
      row[allocation.status === "committed" ? "allocatedCommitted" : "allocatedIndicative"] += allocation.amountPence;
    }
    row.allocated = row.allocatedCommitted + row.allocatedIndicative;
    const left = row.available - row.allocated;
    row.shortfall = Math.max(0, -left);
    const unallocated = Math.max(0, left);
    const last = index === years.length - 1;
    if (stream.flexibility === "flexible" && !last) row.carriedOut = unallocated;
    else row.lapsed = unallocated;
    carry = row.carriedOut;
    return row;
  });
  return { id: stream.id, name: stream.name, flexibility: stream.flexibility, years: figures };
}

const numericKeys = Object.keys(emptyYear("")).filter((key) => key !== "financialYear") as Exclude<
  keyof YearFigures,
  "financialYear"
>[];

/** Does an action with these dates run at some point in the financial year? */
export function runsIn(action: PlanActionInput, financialYear: string): boolean {
  const start = startYearOf(financialYear);
  const yearStart = `${start}-04-01`;
  const yearEnd = `${start + 1}-03-31`;
  if (!action.startDate && !action.endDate) return false;
  return (!action.startDate || action.startDate <= yearEnd) && (!action.endDate || action.endDate >= yearStart);
}

export function computeFundingPlan(input: {
  streams: PlanStreamInput[];
  allocations: PlanAllocationInput[];
  actions: PlanActionInput[];
  /** "actionId financialYear" for each action a budget contribution funds in a year. */
  contributionFunded?: ReadonlySet<string>;
}): FundingPlan {
  const streams = input.streams.map((stream) => streamPlan(stream, input.allocations));
  const starts = input.streams.map((stream) => startYearOf(stream.firstYear));
  const ends = input.streams.map((stream) => startYearOf(stream.lastYear));
  const years = starts.length ? yearsBetween(label(Math.min(...starts)), label(Math.max(...ends))) : [];
  const totals = years.map((financialYear) => {
    const total = emptyYear(financialYear);
    for (const stream of streams) {
      const row = stream.years.find((entry) => entry.financialYear === financialYear);
      if (row) for (const key of numericKeys) total[key] += row[key];
    }
    return total;
  });
  const overAllocated = streams.flatMap((stream) =>
    stream.years
      .filter((row) => row.shortfall > 0)
      .map((row) => ({
        streamId: stream.id,
        streamName: stream.name,
        financialYear: row.financialYear,
        shortfall: row.shortfall,
      })),
  );
  const funded = new Set(input.contributionFunded ?? []);
  for (const allocation of input.allocations) {
    if (allocation.amountPence > 0) funded.add(`${allocation.actionId} ${allocation.financialYear}`);
  }
  const unfundedActions = years.flatMap((financialYear) =>
    input.actions
      .filter((action) => runsIn(action, financialYear) && !funded.has(`${action.id} ${financialYear}`))
      .map((action) => ({ actionId: action.id, label: action.label, financialYear })),
  );
  const undatedActions = input.actions.filter((action) => !action.startDate && !action.endDate).length;
  return { years, streams, totals, overAllocated, unfundedActions, undatedActions };
}

export interface FundingShare {
  /** Everything planned for the year: streams' money for that year and one-year contributions. */
  totalPence: number;
  flexiblePence: number;
  multiYearPence: number;
}

/**
 * One partnership's share of flexible and of multi-year money in a financial year. A stream is
 * multi-year when it covers two or more financial years; contributions are one-year money whose
 * flexibility is not recorded, so they count in the total only. Null when nothing is recorded for
 * the year, so "none recorded" is never shown as 0 %.
 */
export function fundingShare(
  streams: Pick<PlanStreamInput, "flexibility" | "firstYear" | "lastYear" | "years">[],
  contributionPence: number[],
  financialYear: string,
): FundingShare | null {
  const share: FundingShare = { totalPence: 0, flexiblePence: 0, multiYearPence: 0 };
  let recorded = contributionPence.length > 0;
  for (const amount of contributionPence) share.totalPence += amount;
  for (const stream of streams) {
    const multiYear = startYearOf(stream.lastYear) > startYearOf(stream.firstYear);
    for (const year of stream.years) {
      if (year.financialYear !== financialYear) continue;
      recorded = true;
      share.totalPence += year.amountPence;
      if (stream.flexibility === "flexible") share.flexiblePence += year.amountPence;
      if (multiYear) share.multiYearPence += year.amountPence;
    }
  }
  return recorded && share.totalPence > 0 ? share : null;
}
