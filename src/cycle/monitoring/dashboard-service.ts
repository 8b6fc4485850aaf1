import { createVersionedCache } from "../../kernel/db/data-version.ts";
import type { Executor } from "../../kernel/db/database.ts";
import type { Actor } from "../../kernel/auth/policy.ts";
import {
  driverFrameworkFor,
  familyTypes,
  listPartnershipIndicators,
  measureLinks,
  measureView,
  type MeasureView,
  memberOrganisations,
  ragLabels,
} from "../actions/index.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { formatPounds } from "../../kernel/money.ts";
import { drawnFor, renderFragment } from "../../kernel/views/environment.ts";
import { loadAreaProfile, redRedIndicators } from "../../data/analyses/index.ts";
import { type IndicatorRow as CatalogueRow, versionsNow, visibleIndicators } from "../../data/indicators/index.ts";
import { listPriorities } from "../strategy/index.ts";
import { type DashboardRow, dashboardRows } from "./dashboard-repository.ts";
import { formatPeriod, type Period, periodEnd, periodStart } from "./periods.ts";
import {
  byDriver,
  byFamilyType,
  byPartner,
  byPriority,
  planTotals,
  type RollupAction,
  type RollupRow,
  rollUp,
} from "./rollups.ts";

export interface DashboardAction {
  id: string;
  title: string;
  reference: string;
  leadName: string;
  endDate: string | null;
  latest: DashboardRow["latest"];
  statusLabel: string;
}

function toRollup(row: DashboardRow): RollupAction {
  return {
    id: row.id,
    priorityIds: row.priorityIds,
    drivers: row.drivers,
    familyTypes: row.familyTypes,
    leadOrganisationId: row.leadOrganisationId,
    partnerOrganisationIds: row.partnerIds,
    budgetPence: row.budgetPence,
    latest: row.latest,
  };
}

function presentRow(row: RollupRow, label: string) {
  return {
    ...row,
    label,
    budget: formatPounds(row.budgetPence),
    spend: formatPounds(row.spendToDatePence),
  };
}

export type Dashboard = Awaited<ReturnType<typeof buildDashboard>>;

/**
 * Kept whole until the content version (an action, update, priority, member or indicator link
 * edited on any node), the data version or the access version moves: reading and rolling up
 * the plan was most of the page's remaining work once its measures were kept. Keyed by the
 * partnership (and the fields of it the page shows), the period, today (overdue is worked out
 * from it) and exactly the indicators this reader may see: a dashboard built for a reader of
 * restricted indicators is never shown to one who may not see them.
 */
const dashboards = createVersionedCache<Dashboard>(500);

/**
 * The monitoring dashboard: what is overdue (end date passed, not complete), off track
 * (latest status red or amber), missing an update for the period, and roll-ups.
 */
export async function loadDashboard(
  db: Executor,
  actor: Actor | null,
  partnership: PartnershipRow,
  period: Period,
  today: string,
): Promise<Dashboard & { bodyHtml: string }> {
  const { dataVersion, accessVersion, contentVersion } = await versionsNow(db);
  // What this reader may see, decided (and its restricted reads audited) on every request, even
  // when the dashboard itself is kept: the decision is part of the key.
  const catalogue = await visibleIndicators(db, actor, {
    partnershipId: partnership.id,
    dataVersion,
    accessVersion,
  });
  const { id, name, nation, areaCode, areaName } = partnership;
  const dashboard = await dashboards.get(
    db,
    `${contentVersion}/${dataVersion}/${accessVersion}`,
    JSON.stringify([id, name, nation, areaCode, areaName, formatPeriod(period), today, visibleIds(catalogue)]),
    () => buildDashboard(db, actor, partnership, period, today, dataVersion, catalogue),
  );
  // The page below its period form (action tables, measures, roll-ups: most of its template
  // work), drawn once per kept dashboard. It shows only the dashboard and the partnership fields
  // in its key, nothing of the request. Trimmed: the partial's macro definitions leave blank lines.
  const bodyHtml = drawnFor(dashboard, "", () =>
    renderFragment("monitoring/views/dashboard-body.njk", { ...dashboard, partnership: { id, areaName } }).trimStart(),
  );
  return { ...dashboard, bodyHtml };
}

async function buildDashboard(
  db: Executor,
  actor: Actor | null,
  partnership: PartnershipRow,
  period: Period,
  today: string,
  version: string,
  catalogue: readonly CatalogueRow[],
) {
  const [rows, priorities, members, links, redRed] = await Promise.all([
    dashboardRows(db, partnership.id, formatPeriod(period)),
    listPriorities(db, partnership.id),
    memberOrganisations(db, partnership.id),
    listPartnershipIndicators(db, partnership.id),
    worseAndWorsening(db, partnership, version, catalogue),
  ]);
  const memberNames = new Map(members.map((row) => [row.id, row.name]));
  const view = (row: DashboardRow): DashboardAction => ({
    id: row.id,
    title: row.title,
    reference: row.reference,
    leadName: memberNames.get(row.leadOrganisationId) ?? "Former member",
    endDate: row.endDate,
    latest: row.latest,
    statusLabel: row.latest ? ragLabels[row.latest.status] : "No update yet",
  });
  const isComplete = (row: DashboardRow) => row.latest?.status === "complete";
  const overdue = rows.filter((row) => row.endDate !== null && row.endDate < today && !isComplete(row)).map(view);
  const offTrack = rows.filter((row) => row.latest?.status === "red" || row.latest?.status === "amber").map(view);
  // Due an update: running during the period (started by its end, not ended before its start).
  const start = periodStart(period);
  const end = periodEnd(period);
  const missing = rows
    .filter((row) => !row.updatedInPeriod && !isComplete(row))
    .filter((row) => (!row.startDate || row.startDate <= end) && (!row.endDate || row.endDate >= start))
    .map(view);

  const rollupItems = rows.map(toRollup);
  const priorityNames = new Map(priorities.map((row) => [row.id, row.title]));
  const framework = driverFrameworkFor(partnership.nation);
  const driverNames = new Map(framework.groups.map((group) => [group.code, group.label]));
  const familyNames = new Map(familyTypes.map((item) => [item.code, item.label]));
  const label = (names: Map<string, string>) => (row: RollupRow) => presentRow(row, names.get(row.key) ?? "Other");

  const measures = await dashboardMeasures(db, actor, partnership, version, links, rows, catalogue);
  return {
    period: formatPeriod(period),
    measures: measures.measures,
    measuresHtml: measures.html,
    redRed,
    actionCount: rows.length,
    totals: presentRow(planTotals(rollupItems), "All actions"),
    overdue,
    offTrack,
    missing,
    framework,
    rollups: {
      priority: rollUp(rollupItems, byPriority, [...priorityNames.keys()]).map(label(priorityNames)),
      driver: rollUp(rollupItems, byDriver, [...driverNames.keys()]).map(label(driverNames)),
      familyType: rollUp(rollupItems, byFamilyType, [...familyNames.keys()]).map(label(familyNames)),
      partner: rollUp(rollupItems, byPartner, [...memberNames.keys()]).map(label(memberNames)),
    },
  };
}

const statusOrder = { "off-track": 0, "on-track": 1, "no-new-data": 2, "not-measured": 3 } as const;

type IndicatorLinks = Awaited<ReturnType<typeof listPartnershipIndicators>>;
const measureCache = createVersionedCache<MeasureView[]>(200);

/**
 * The plan's indicators measured against the store, off track first, each with its action.
 * The measures (the area's and localities' series, their status and charts: most of the page's
 * database work) are kept per data version, keyed by the partnership and its area, exactly the
 * indicators this reader may see and the links as read now, so editing a link (its baseline,
 * target or locality) or the data shows at once; the actions' titles are read fresh.
 */
async function dashboardMeasures(
  db: Executor,
  actor: Actor | null,
  partnership: PartnershipRow,
  version: string,
  links: IndicatorLinks,
  rows: DashboardRow[],
  catalogue: readonly CatalogueRow[],
) {
  const titles = new Map(rows.map((row) => [row.id, row.reference ? `${row.reference}: ${row.title}` : row.title]));
  const key = JSON.stringify([
    partnership.id,
    partnership.areaCode,
    partnership.areaName,
    visibleIds(catalogue),
    links,
  ]);
  const measures = await measureCache.get(db, version, key, async () =>
    (await measureLinks(db, actor, partnership, links, catalogue)).map(measureView),
  );
  return measuresSection(partnership, measures, titles);
}

/** Each cached list of measures (one per version and key) with its section drawn, by its actions' titles. */
const drawn = new WeakMap<MeasureView[], Map<string, { measures: MeasureView[]; html: string }>>();

/**
 * The measures with their actions' titles, off track first, and the section's markup: the
 * measures' panels and charts are most of the page's template work, so the markup is drawn once
 * for a cached list of measures (the same object until the data, the links or the reader's
 * indicators change) and the titles the actions have now.
 */
function measuresSection(partnership: PartnershipRow, cached: MeasureView[], titles: Map<string, string>) {
  let byTitles = drawn.get(cached);
  if (!byTitles) {
    byTitles = new Map();
    drawn.set(cached, byTitles);
  }
  const titled = cached.map((measure) => ({ ...measure, actionTitle: titles.get(measure.actionId) ?? "" }));
  const titlesKey = JSON.stringify(titled.map((measure) => measure.actionTitle));
  let section = byTitles.get(titlesKey);
  if (!section) {
    const measures = titled.sort(
      (a, b) => statusOrder[a.status] - statusOrder[b.status] || a.title.localeCompare(b.title),
    );
    const html = renderFragment("monitoring/views/measures.njk", {
      measures,
      partnershipId: partnership.id,
      areaName: partnership.areaName,
    });
    section = { measures, html };
    // A few titles at a time at most (an action renamed): the oldest goes first.
    if (byTitles.size >= 8) byTitles.delete(byTitles.keys().next().value!);
    byTitles.set(titlesKey, section);
  }
  return section;
}

/** The ids of the indicators a reader may see, in order: the part of a cache key that says whose data it shows. */
const visibleIds = (catalogue: readonly CatalogueRow[]) => catalogue.map((row) => row.id).sort((a, b) => a - b);

const redRedCache = createVersionedCache<ReturnType<typeof redRedIndicators>>(200);

/**
 * The area's indicators (those this reader may see) significantly worse than the nation and
 * getting worse. Worked out from the whole area profile, so kept per data version (only an
 * import, an edit, a revision or an embargo ending changes it), keyed by the partnership, its
 * area and exactly the indicators this reader may see.
 */
async function worseAndWorsening(
  db: Executor,
  partnership: PartnershipRow,
  version: string,
  catalogue: readonly CatalogueRow[],
) {
  const key = [partnership.id, partnership.areaCode, ...visibleIds(catalogue)].join("\u0000");
  return redRedCache.get(db, version, key, async () =>
    redRedIndicators(await loadAreaProfile(db, partnership, { catalogue: [...catalogue] })),
  );
}
