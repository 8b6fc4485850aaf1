/**
 * Setting an indicator's access tier and readers, and a batch's release time: checked against
 * what may be chosen (a field named for each problem, nothing saved), saved and audited.
 */
import { and, asc, desc, eq, gt, isNotNull, isNull, or, sql } from "drizzle-orm";
import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import { setEmbargo } from "./embargo.ts";
import { readersOf, saveTier } from "./readers-repository.ts";
import type { ImportBatchRow, IndicatorRow } from "./repository.ts";
import { importBatches, indicators } from "./tables.ts";
import { type AccessTier, tierOf } from "./visibility.ts";

export interface TierChoice {
  tier: AccessTier;
  userIds: string[];
  organisationIds: string[];
  agreementId: string | null;
}

/** Who may be named: the people and organisations offered on the form, nobody else (a forged id is refused). */
export interface ReaderChoices {
  userIds: ReadonlySet<string>;
  organisationIds: ReadonlySet<string>;
}

/** The choice checked against what may be chosen: every problem with its field, or nothing. */
function checkChoice(choice: TierChoice, allowed: ReaderChoices): void {
  const errors: FieldError[] = [];
  const unknownUser = choice.userIds.find((id) => !allowed.userIds.has(id));
  if (unknownUser) errors.push({ field: "userIds", message: "Choose people from the list" });
  const unknownOrg = choice.organisationIds.find((id) => !allowed.organisationIds.has(id));
  if (unknownOrg) errors.push({ field: "organisationIds", message: "Choose organisations from the list" });
  if (choice.tier === "restricted" && choice.userIds.length + choice.organisationIds.length === 0)
    errors.push({
      field: "userIds",
      message: "Name at least one person or organisation who may read restricted data",
    });
  if (choice.tier !== "restricted" && choice.userIds.length + choice.organisationIds.length > 0)
    errors.push({
      field: "tier",
      message: "Readers are named only for restricted data: choose Restricted, or untick them",
    });
  if (errors.length) throw AppError.validation(errors);
}

/** Saves one indicator's tier and readers with its audit entry (`dataset` when set for a whole dataset). */
async function saveChoice(
  tx: Executor,
  audit: AuditContext,
  indicator: IndicatorRow,
  choice: TierChoice,
  dataset?: string,
): Promise<void> {
  const before = { tier: tierOf(indicator), readers: await readersOf(tx, [indicator.id]) };
  await saveTier(tx, indicator.id, choice.tier, choice);
  await recordAudit(tx, audit, {
    action: "indicator.access-changed",
    entityType: "indicator",
    entityId: indicator.slug,
    partnershipId: indicator.partnershipId,
    before: { tier: before.tier, readers: before.readers.map((r) => r.userId ?? r.organisationId) },
    after: {
      tier: choice.tier,
      users: choice.userIds,
      organisations: choice.organisationIds,
      agreementId: choice.agreementId,
      ...(dataset !== undefined ? { setForDataset: dataset } : {}),
    },
  });
}

export async function changeTier(
  db: Db,
  audit: AuditContext,
  indicator: IndicatorRow,
  choice: TierChoice,
  allowed: ReaderChoices,
): Promise<void> {
  checkChoice(choice, allowed);
  await db.transaction((tx) => saveChoice(tx, audit, indicator, choice));
}

/**
 * One tier and set of readers for every indicator of a dataset (a file or series a partnership
 * loads as a whole, e.g. a pupil-level extract under one agreement): all of them in one
 * transaction, each change audited as its own indicator's, so none is left at the old tier.
 */
export async function changeDatasetTier(
  db: Db,
  audit: AuditContext,
  dataset: { name: string; indicators: readonly IndicatorRow[] },
  choice: TierChoice,
  allowed: ReaderChoices,
): Promise<void> {
  checkChoice(choice, allowed);
  await db.transaction(async (tx) => {
    for (const indicator of dataset.indicators) await saveChoice(tx, audit, indicator, choice, dataset.name);
  });
}

export async function changeEmbargo(
  db: Db,
  audit: AuditContext,
  batch: ImportBatchRow,
  until: Date | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    await setEmbargo(tx, batch.id, until);
    await recordAudit(tx, audit, {
      action: "import-batch.embargo-changed",
      entityType: "import-batch",
      entityId: String(batch.id),
      partnershipId: batch.partnershipId,
      before: { embargoUntil: batch.embargoUntil },
      after: { embargoUntil: until },
    });
  });
}

/** A partnership's own indicators, and its import batches newest first (the access page). */
export async function partnershipDataAccess(db: Executor, partnershipId: string) {
  const [own, batches] = await Promise.all([
    db.select().from(indicators).where(eq(indicators.partnershipId, partnershipId)).orderBy(indicators.title),
    db
      .select()
      .from(importBatches)
      .where(and(eq(importBatches.partnershipId, partnershipId), isNotNull(importBatches.completedAt)))
      .orderBy(desc(importBatches.id))
      .limit(50),
  ]);
  const readers = await readersOf(
    db,
    own.map((row) => row.id),
  );
  return { own, batches, readers };
}

export async function findBatchOf(
  db: Executor,
  batchId: number,
  partnershipId: string | null,
): Promise<ImportBatchRow | undefined> {
  const owner =
    partnershipId === null
      ? sql`${importBatches.partnershipId} is null`
      : eq(importBatches.partnershipId, partnershipId);
  const [row] = await db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.id, batchId), or(owner)))
    .limit(1);
  return row;
}

/**
 * The batches still under embargo that were imported through a partnership's import page, soonest
 * release first; with `unowned`, also those loaded with no partnership (the command line's
 * national loads), which only administrators see.
 */
export async function embargoedBatches(
  db: Executor,
  scope: { partnershipId: string; unowned: boolean },
): Promise<ImportBatchRow[]> {
  const owner = eq(importBatches.partnershipId, scope.partnershipId);
  return db
    .select()
    .from(importBatches)
    .where(
      and(
        gt(importBatches.embargoUntil, sql`now()`),
        scope.unowned ? or(owner, isNull(importBatches.partnershipId)) : owner,
      ),
    )
    .orderBy(asc(importBatches.embargoUntil), asc(importBatches.id));
}
