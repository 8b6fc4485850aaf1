/**
 * Who may see an indicator (and its values), decided here once for pages and API alike:
 * - open data: published statistics no partnership owns (disclosure rule "none") — anyone,
 *   signed in or not;
 * - a partnership's own indicator — whoever may read that partnership;
 * - small-count data no partnership owns (loaded from the command line) — platform
 *   administrators only.
 * Everything but open data goes through the policy's "data:read-restricted".
 */
import { type Actor, can, type Nation } from "../../kernel/auth/policy.ts";
import { createVersionedCache, readDataVersion } from "../../kernel/db/data-version.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { listPartnershipsWhere } from "../../workspace/partnerships/index.ts";
import { allIndicators, type IndicatorRow, listIndicators } from "./repository.ts";

export type Access = "open" | "restricted";

export function accessOf(indicator: Pick<IndicatorRow, "partnershipId" | "disclosureRule">): Access {
  return indicator.partnershipId === null && indicator.disclosureRule === "none" ? "open" : "restricted";
}

/** The rows of `rows` the actor may see (no actor: open data only). */
export async function filterVisible(
  db: Executor,
  actor: Actor | null,
  rows: readonly IndicatorRow[],
): Promise<IndicatorRow[]> {
  if (!actor) return rows.filter((row) => accessOf(row) === "open");
  const ownerIds = [...new Set(rows.flatMap((row) => (row.partnershipId === null ? [] : [row.partnershipId])))];
  const owners = new Map(
    (ownerIds.length ? await listPartnershipsWhere(db, { ids: ownerIds }) : []).map((owner) => [owner.id, owner]),
  );
  return rows.filter((row) => {
    if (accessOf(row) === "open") return true;
    if (row.partnershipId === null) return can(actor, "data:read-restricted");
    const owner = owners.get(row.partnershipId);
    return !!owner && can(actor, "data:read-restricted", { partnershipId: owner.id, nation: owner.nation as Nation });
  });
}

/** Whether the actor may see this one indicator. */
export async function mayReadIndicator(db: Executor, actor: Actor | null, indicator: IndicatorRow): Promise<boolean> {
  return (await filterVisible(db, actor, [indicator])).length === 1;
}

/**
 * The catalogue the actor may see. For a partnership's pages (`partnershipId`): the national
 * catalogue and that partnership's own indicators, never another's. Without one (the API):
 * every indicator the actor may read, whoever owns it.
 */
export async function visibleIndicators(
  db: Executor,
  actor: Actor | null,
  scope: { partnershipId?: string; dataVersion?: string } = {},
): Promise<IndicatorRow[]> {
  // The catalogue changes only with the data (an import or an edit), so it is read once per data
  // version (kernel/db/data-version.ts); who may see what is decided afresh for every reader.
  const version = scope.dataVersion ?? (await readDataVersion(db));
  const { partnershipId } = scope;
  const rows = await catalogues.get(db, version, partnershipId ?? "", () =>
    partnershipId ? listIndicators(db, partnershipId) : allIndicators(db),
  );
  return filterVisible(db, actor, rows);
}

const catalogues = createVersionedCache<IndicatorRow[]>(64);
