/**
 * What the API may show whom. Open data: published official statistics no partnership owns
 * (disclosure rule "none"); anyone may read it without a token. Everything else is
 * restricted and goes through the policy function's "data:read-restricted".
 */
import { type Actor, can, type Nation } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { IndicatorRow } from "../indicators/index.ts";
import { listPartnershipsWhere } from "../../workspace/partnerships/index.ts";

export type Access = "open" | "restricted";

export function accessOf(indicator: Pick<IndicatorRow, "partnershipId" | "disclosureRule">): Access {
  return indicator.partnershipId === null && indicator.disclosureRule === "none" ? "open" : "restricted";
}

/** The indicators of `all` the actor may read (null actor: open data only). */
export async function readable(
  db: Executor,
  actor: Actor | null,
  all: readonly IndicatorRow[],
): Promise<IndicatorRow[]> {
  if (!actor) return all.filter((row) => accessOf(row) === "open");
  const ownerIds = [...new Set(all.map((row) => row.partnershipId).filter((id): id is string => id !== null))];
  const owners = new Map(
    (ownerIds.length ? await listPartnershipsWhere(db, { ids: ownerIds }) : []).map((p) => [p.id, p]),
  );
  return all.filter((row) => {
    if (accessOf(row) === "open") return true;
    if (row.partnershipId === null) return can(actor, "data:read-restricted");
    const owner = owners.get(row.partnershipId);
    return !!owner && can(actor, "data:read-restricted", { partnershipId: owner.id, nation: owner.nation as Nation });
  });
}

/**
 * Throws unless the actor may read the indicator: no token → 401 (the data is not open);
 * a token that may not see it → 404, so restricted indicators are never confirmed to exist.
 */
export async function authorizeIndicator(db: Executor, actor: Actor | null, indicator: IndicatorRow): Promise<void> {
  if (accessOf(indicator) === "open") return;
  if (!actor)
    throw new AppError(
      "UNAUTHENTICATED",
      "This indicator is not open data: send an API token (Authorization: Bearer <token>)",
    );
  if (indicator.partnershipId === null) {
    if (!can(actor, "data:read-restricted")) throw AppError.notFound("No such indicator");
    return;
  }
  const [owner] = await listPartnershipsWhere(db, { ids: [indicator.partnershipId] });
  if (!owner || !can(actor, "data:read-restricted", { partnershipId: owner.id, nation: owner.nation as Nation }))
    throw AppError.notFound("No such indicator");
}
