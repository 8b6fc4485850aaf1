/**
 * Who may see an indicator (and its values), decided here once for pages, exports, reports and
 * the API alike. Every indicator has an access tier:
 * - public: anyone, signed in or not (open official statistics by default);
 * - partnership: whoever may read the owning partnership; with no owner (small-count data loaded
 *   from the command line), platform administrators only — the default for everything not open;
 * - restricted: only the people named as its readers, or everyone of an organisation named as
 *   one (the parties to a data-sharing agreement). Not even the partnership's lead or a platform
 *   administrator reads it unless named. Every read is audited, and so is every refused request
 *   for one by name.
 */
import { type AuditContext, recordAudit, recordReads } from "../../kernel/audit/audit.ts";
import { type Actor, can, type Nation } from "../../kernel/auth/policy.ts";
import { createVersionedCache } from "../../kernel/db/data-version.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { listPartnershipsWhere } from "../../workspace/partnerships/index.ts";
import { versionsNow } from "./embargo.ts";
import { readersOf } from "./readers-repository.ts";
import { allIndicators, type IndicatorRow, listIndicators } from "./repository.ts";

export const accessTiers = ["public", "partnership", "restricted"] as const;
export type AccessTier = (typeof accessTiers)[number];

export const accessTierLabels: Record<AccessTier, string> = {
  public: "Public: anyone, including through the API without a token",
  partnership: "Partnership: people who may read the owning partnership",
  restricted: "Restricted: only the people and organisations named as readers",
};

type TierFields = Pick<IndicatorRow, "partnershipId" | "disclosureRule"> & { accessTier?: string | null };

export function tierOf(indicator: TierFields): AccessTier {
  const set = accessTiers.find((tier) => tier === indicator.accessTier);
  if (set) return set;
  return indicator.partnershipId === null && indicator.disclosureRule === "none" ? "public" : "partnership";
}

/** The API's word for it: "open" (public) or "restricted" (needs a token). */
export type Access = "open" | "restricted";

export function accessOf(indicator: TierFields): Access {
  return tierOf(indicator) === "public" ? "open" : "restricted";
}

/**
 * Whether a partnership's published outputs (reports and their exports, public pages) may carry
 * the indicator: public and partnership data may, with disclosure control applied; restricted
 * data never does, whoever publishes.
 */
export function mayPublish(indicator: TierFields): boolean {
  return tierOf(indicator) !== "restricted";
}

/** A request's audit context, or one made from the actor when a service reads without a request. */
export type ReadContext = AuditContext | undefined;

function contextOf(actor: Actor, context: ReadContext): AuditContext {
  return context ?? { actorUserId: actor.userId, actorLabel: actor.email };
}

/**
 * Audits each restricted indicator read: who, what, when (the audit row's time); one statement for
 * all, awaited before anything is shown. It stays a statement of its own after the version read:
 * what is read (so what to record) depends on the versions that read returns, so one round trip
 * for both would have to guess and check in SQL, and a guess that was wrong would put a read in
 * the log that never happened. Not awaiting it would answer before the row is written: a failed
 * insert, or the process dying, would leave a read unrecorded. On the embedded database the
 * insert costs about what a version read does (~0.25 ms of CPU, prepared: kernel/audit).
 */
async function auditReads(db: Executor, actor: Actor, rows: readonly IndicatorRow[], context: ReadContext) {
  await recordReads(
    db,
    contextOf(actor, context),
    rows.map((row) => ({
      action: "indicator.read-restricted",
      entityType: "indicator",
      entityId: row.slug,
      partnershipId: row.partnershipId,
    })),
  );
}

/**
 * The versions a caller read with its request (`versionsNow`): the catalogue and readers change
 * with the data version; the owning partnerships' nations, which decide a coordinator's access,
 * with the access version.
 */
export interface ReadVersions {
  dataVersion?: string | undefined;
  accessVersion?: string | undefined;
}

/** The rows of `rows` the actor may see (no actor: public ones only). Restricted reads are audited. */
export async function filterVisible(
  db: Executor,
  actor: Actor | null,
  rows: readonly IndicatorRow[],
  context?: ReadContext,
  versions: ReadVersions = {},
): Promise<IndicatorRow[]> {
  if (!actor) return rows.filter((row) => tierOf(row) === "public");
  const { visible, restricted } = await decided(db, actor, rows, versions);
  await auditReads(db, actor, restricted, context);
  return visible;
}

interface Decision {
  visible: IndicatorRow[];
  /** The restricted ones among them: audited on every read. */
  restricted: IndicatorRow[];
}

/**
 * A caller cached by its API token is the same actor object while the access version stays, and
 * a catalogue the same array while the data version does: what the caller may see of it is
 * decided once for both versions; only the audit of its restricted reads is done on every request.
 */
const decisions = new WeakMap<
  Actor,
  WeakMap<readonly IndicatorRow[], { versions: string; decision: Promise<Decision> }>
>();

/** Both versions as one cache key; null when the caller does not know both, and nothing may be kept. */
function versionKey({ dataVersion, accessVersion }: ReadVersions): string | null {
  return dataVersion === undefined || accessVersion === undefined || accessVersion === "none"
    ? null
    : `${dataVersion}/${accessVersion}`;
}

function decided(db: Executor, actor: Actor, rows: readonly IndicatorRow[], versions: ReadVersions) {
  const key = versionKey(versions);
  if (key === null) return decide(db, actor, rows, versions);
  let byRows = decisions.get(actor);
  if (!byRows) {
    byRows = new WeakMap();
    decisions.set(actor, byRows);
  }
  const found = byRows.get(rows);
  if (found?.versions === key) return found.decision;
  const decision = decide(db, actor, rows, versions);
  byRows.set(rows, { versions: key, decision });
  decision.catch(() => byRows.delete(rows));
  return decision;
}

async function decide(
  db: Executor,
  actor: Actor,
  rows: readonly IndicatorRow[],
  versions: ReadVersions,
): Promise<Decision> {
  const { dataVersion } = versions;
  const key = versionKey(versions);
  const partnershipTier = rows.filter((row) => tierOf(row) === "partnership");
  const ownerIds = [
    ...new Set(partnershipTier.flatMap((row) => (row.partnershipId === null ? [] : [row.partnershipId]))),
  ];
  // The owners' nations decide a coordinator's access (a nation change moves the access version,
  // migration 0028): read once per pair of versions when the caller knows both.
  const readOwners = async () =>
    (ownerIds.length ? await listPartnershipsWhere(db, { ids: ownerIds }) : []).map(({ id, nation }) => ({
      id,
      nation,
    }));
  const owners = new Map(
    (key === null ? await readOwners() : await ownerLists.get(db, key, ownerIds.join(","), readOwners)).map((owner) => [
      owner.id,
      owner,
    ]),
  );
  const restricted = rows.filter((row) => tierOf(row) === "restricted");
  const restrictedIds = restricted.map((row) => row.id);
  // Readers are indicator data (a change bumps the data version): read once per version when the caller knows it.
  const readers =
    dataVersion === undefined || restrictedIds.length === 0
      ? await readersOf(db, restrictedIds)
      : await readerLists.get(db, dataVersion, restrictedIds.join(","), () => readersOf(db, restrictedIds));
  const named = new Set(
    readers
      .filter((reader) => reader.userId === actor.userId || reader.organisationId === actor.organisationId)
      .map((reader) => reader.indicatorId),
  );
  const visible = rows.filter((row) => {
    const tier = tierOf(row);
    if (tier === "public") return true;
    if (tier === "restricted") return named.has(row.id);
    if (row.partnershipId === null) return can(actor, "data:read-restricted");
    const owner = owners.get(row.partnershipId);
    return !!owner && can(actor, "data:read-restricted", { partnershipId: owner.id, nation: owner.nation as Nation });
  });
  return { visible, restricted: visible.filter((row) => tierOf(row) === "restricted") };
}

/**
 * Whether the actor may see this one indicator. A refused request for a restricted one is
 * audited as an attempt (the caller answers 404, so its existence is never confirmed).
 */
export async function mayReadIndicator(
  db: Executor,
  actor: Actor | null,
  indicator: IndicatorRow,
  context?: ReadContext,
): Promise<boolean> {
  const allowed = (await filterVisible(db, actor, [indicator], context)).length === 1;
  if (!allowed && tierOf(indicator) === "restricted")
    await recordAudit(db, context ?? { actorUserId: actor?.userId ?? null, actorLabel: actor?.email ?? "anonymous" }, {
      action: "indicator.read-refused",
      entityType: "indicator",
      entityId: indicator.slug,
      partnershipId: indicator.partnershipId,
    });
  return allowed;
}

/**
 * The catalogue the actor may see. For a partnership's pages (`partnershipId`): the national
 * catalogue and that partnership's own indicators, never another's. Without one (the API):
 * every indicator the actor may read, whoever owns it.
 */
export async function visibleIndicators(
  db: Executor,
  actor: Actor | null,
  scope: { partnershipId?: string } & ReadVersions = {},
  context?: ReadContext,
): Promise<IndicatorRow[]> {
  // The catalogue changes only with the data (an import or an edit), so it is read once per data
  // version (kernel/db/data-version.ts); who may see what is decided afresh for every reader.
  // A caller that read no version gets both here, in one statement: with the access version the
  // owners' nations behind the decision are read once per pair, not on every call.
  const { dataVersion: version, accessVersion } =
    scope.dataVersion === undefined ? await versionsNow(db) : { ...scope, dataVersion: scope.dataVersion };
  const { partnershipId } = scope;
  const rows = await catalogues.get(db, version, partnershipId ?? "", () =>
    partnershipId ? listIndicators(db, partnershipId) : allIndicators(db),
  );
  return filterVisible(db, actor, rows, context, { dataVersion: version, accessVersion });
}

/**
 * National indicators and one partnership's own (null: national only), as listIndicators gives
 * them, kept per data version: for reads with no reader (a profile built for a benchmark or a test).
 */
export function catalogueAt(db: Executor, version: string, partnershipId: string | null): Promise<IndicatorRow[]> {
  return catalogues.get(db, version, partnershipId ?? "\u0000national", () => listIndicators(db, partnershipId));
}

/**
 * The catalogue a partnership's published documents (needs assessment panels, reports) may draw
 * on: national indicators and its own, restricted ones left out (mayPublish).
 */
export async function publishableIndicators(db: Executor, partnershipId: string): Promise<IndicatorRow[]> {
  return (await listIndicators(db, partnershipId)).filter(mayPublish);
}

const catalogues = createVersionedCache<IndicatorRow[]>(64);
const readerLists = createVersionedCache<Awaited<ReturnType<typeof readersOf>>>(64);
const ownerLists = createVersionedCache<{ id: string; nation: string }[]>(64);
