/** The API's reads: authorize each indicator, then shape store rows into the documented objects. */
import type { z } from "zod";
import type { Actor } from "../../kernel/auth/policy.ts";
import { createVersionedCache } from "../../kernel/db/data-version.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { loadAreaProfile } from "../analyses/index.ts";
import { findAreaByCode, parentsOf } from "../geography/index.ts";
import {
  accessOf,
  dataVersionNow,
  findIndicator,
  type IndicatorRow,
  normaliseRule,
  periodCatalogue,
  type ReadVersions,
  visibleIndicators,
} from "../indicators/index.ts";
import { authorizeIndicator } from "./access.ts";
import { disclosedRows } from "./disclosed-rows.ts";
import { areaOut, areaRef, BASE, indicatorOut, JsonBody, measuresOf, pageLinks, sourceOf } from "./present.ts";
import { profileJson } from "./profile-json.ts";
import { listAreasPage, listDataPage, periodsByCode } from "./repository.ts";
import type { areasQuery, dataQuery, profileSchema } from "./schemas.ts";

/** The area profile as documented (profileSchema). */
export type ProfileBody = z.output<typeof profileSchema>;

async function parentId(db: Executor, code: string | undefined): Promise<number | undefined> {
  if (code === undefined) return undefined;
  const area = await findAreaByCode(db, code);
  if (!area) throw AppError.validation([{ field: "parent", message: `no area has the code ${code}` }]);
  return area.id;
}

export async function listAreas(db: Executor, query: z.output<typeof areasQuery>) {
  const found = await listAreasPage(db, {
    type: query.type,
    nation: query.nation,
    parentId: await parentId(db, query.parent),
    after: query.after,
    limit: query.pageSize + 1,
  });
  const page = found.slice(0, query.pageSize);
  const next = found.length > query.pageSize ? page.at(-1)!.code : null;
  return { data: page.map(areaOut), page: pageLinks(`${BASE}/areas`, query, query.pageSize, next) };
}

export async function getArea(db: Executor, code: string) {
  const area = await findAreaByCode(db, code);
  if (!area) throw AppError.notFound(`No area has the code ${code}`);
  const parents = await parentsOf(db, area.id);
  return { ...areaOut(area), parents: parents.map((p) => ({ relation: p.relation, area: areaRef(p.area) })) };
}

export async function listIndicatorsFor(db: Executor, actor: Actor | null) {
  return { data: (await visibleIndicators(db, actor)).map(indicatorOut) };
}

async function loadIndicator(db: Executor, actor: Actor | null, id: string): Promise<IndicatorRow> {
  const indicator = await findIndicator(db, id);
  if (!indicator) throw AppError.notFound("No such indicator");
  await authorizeIndicator(db, actor, indicator);
  return indicator;
}

export async function getIndicator(db: Executor, actor: Actor | null, id: string) {
  return indicatorOut(await loadIndicator(db, actor, id));
}

export async function indicatorData(db: Executor, actor: Actor | null, id: string, query: z.output<typeof dataQuery>) {
  const indicator = await loadIndicator(db, actor, id);
  let periodId: number | undefined;
  if (query.period !== undefined) {
    const period = (await periodsByCode(db, [query.period])).get(query.period);
    if (!period)
      throw AppError.validation([
        { field: "period", message: `no period has the code ${query.period}; see the indicator's periods` },
      ]);
    periodId = period.id;
  }
  const parent = await parentId(db, query.parent);
  // The catalogue keeps each indicator's area types: no values of a type it lacks (no scan to find that out),
  // and no filter needed when it has only that type.
  const noneOfType = query.areaType !== undefined && !indicator.areaTypes.includes(query.areaType);
  const areaType = query.areaType !== undefined && indicator.areaTypes.length > 1 ? query.areaType : undefined;
  const [p, b, a] = query.after ? query.after.split(".").map(Number) : [];
  const found = noneOfType
    ? []
    : await listDataPage(db, {
        indicatorId: indicator.id,
        periodId,
        areaType,
        parentId: parent,
        allBreakdowns: query.breakdown === "all",
        after: query.after ? { periodId: p!, breakdownId: b!, areaId: a! } : undefined,
        limit: query.pageSize + 1,
      });
  const page = found.slice(0, query.pageSize);
  // Without a token the answer is published to anyone: the disclosure rule applies to it.
  const rows = actor ? page : await disclosedRows(db, indicator, page);
  const last = page.at(-1);
  const next = found.length > query.pageSize && last ? `${last.periodId}.${last.breakdownId}.${last.areaId}` : null;
  const source = sourceOf(indicator);
  return {
    indicator: { id: indicator.slug, title: indicator.title, unit: indicator.unit, access: accessOf(indicator) },
    data: rows.map((row) => ({
      area: { code: row.areaCode, name: row.areaName, type: row.areaType },
      period: { code: row.periodCode, label: row.periodLabel, start: row.periodStart, end: row.periodEnd },
      breakdown:
        row.breakdownDimension === null ? null : { dimension: row.breakdownDimension, value: row.breakdownValue ?? "" },
      ...measuresOf(row),
      source,
    })),
    page: pageLinks(`${BASE}/indicators/${indicator.slug}/data`, query, query.pageSize, next),
  };
}

/** The area profile page's figures, for the indicators the reader may see. */
export async function areaProfile(db: Executor, actor: Actor | null, code: string, versions?: ReadVersions) {
  // The profile is built once per data version (only an import, an edit, a revision or an
  // embargo ending changes it), keyed by exactly the indicators this reader may see. The area is
  // looked up only to build it (geography is data too): a cached answer costs one statement
  // signed out; with a token, the versions were read with it (and restricted reads are audited).
  const version = versions?.dataVersion ?? (await dataVersionNow(db));
  const visible = await visibleIndicators(db, actor, { dataVersion: version, accessVersion: versions?.accessVersion });
  // A profile shows one area against others, not whole slices, so it cannot apply secondary
  // suppression: without a token, small-count data is read through /indicators/{id}/data instead.
  const catalogue = actor ? visible : visible.filter((row) => normaliseRule(row.disclosureRule) === "none");
  const leftOut = catalogue.length < visible.length;
  const key = `${code}\u0000${leftOut}\u0000${idsOf(catalogue)}`;
  return profiles.get(db, version, key, () => profileOut(db, code, catalogue, leftOut, version));
}

const profiles = createVersionedCache<JsonBody<ProfileBody>>(200);

/** The ids of a catalogue as text, once per array: a cached caller's catalogue is the same array each time. */
const catalogueIds = new WeakMap<readonly IndicatorRow[], string>();

function idsOf(catalogue: readonly IndicatorRow[]): string {
  let ids = catalogueIds.get(catalogue);
  if (ids === undefined) {
    ids = catalogue.map((row) => row.id).join("\u0000");
    catalogueIds.set(catalogue, ids);
  }
  return ids;
}

async function profileOut(
  db: Executor,
  code: string,
  catalogue: IndicatorRow[],
  smallCountsLeftOut: boolean,
  version: string,
): Promise<JsonBody<ProfileBody>> {
  const [profile, { byCode: periods }] = await Promise.all([
    loadAreaProfile(db, { id: null, areaCode: code }, { catalogue, dataVersion: version }),
    periodCatalogue(db, version),
  ]);
  if (!profile.area) throw AppError.notFound(`No area has the code ${code}`);
  const notes = smallCountsLeftOut
    ? [
        ...profile.notes,
        "Small-count indicators are left out of the profile without a token: read them through /api/v1/indicators/{id}/data, with disclosure control applied.",
      ]
    : profile.notes;
  // Written as JSON text once per (area, data version, what the reader may see) and kept so.
  return new JsonBody(profileJson(profile, periods, notes));
}
