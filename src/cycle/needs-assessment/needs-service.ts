/** Changes to a needs assessment: each in one transaction with its audit record. */
import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { sanitizeRichText } from "../../kernel/views/rich-text.ts";
import { findAreaByCode } from "../../data/geography/index.ts";
import { publishableIndicators } from "../../data/indicators/index.ts";
import { buildSnapshot, type PartnershipLike, type VoiceSource } from "./assessment-view.ts";
import * as repo from "./repository.ts";
import type {
  FindingInput,
  OtherAssessmentInput,
  PanelInput,
  QualitativeInput,
  ReviewDateInput,
  ServiceInput,
  SwotInput,
} from "./schemas.ts";

const ENTITY = "needs_assessment";

export async function saveNarrative(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  sectionCode: string,
  html: string,
) {
  const narrative = sanitizeRichText(html, "page");
  return db.transaction(async (tx) => {
    const assessment = await repo.ensureAssessment(tx, partnershipId);
    const before = await repo.findNarrative(tx, partnershipId, sectionCode);
    const row = await repo.upsertNarrative(tx, { partnershipId, assessmentId: assessment.id, sectionCode, narrative });
    await repo.touchAssessment(tx, assessment.id);
    await recordAudit(tx, audit, {
      action: "needs_assessment.narrative.update",
      entityType: ENTITY,
      entityId: assessment.id,
      partnershipId,
      before,
      after: row,
    });
    return row;
  });
}

/** Checks the indicator is in the catalogue this partnership sees and the area exists (default: the partnership's own). */
export async function checkPanel(
  db: Db,
  partnership: PartnershipLike,
  input: PanelInput,
): Promise<{ indicatorSlug: string; indicatorTitle: string; areaCode: string }> {
  const areaCode = input.areaCode || partnership.areaCode;
  const [catalogue, area] = await Promise.all([
    publishableIndicators(db, partnership.id),
    findAreaByCode(db, areaCode),
  ]);
  const errors = [];
  const indicator = catalogue.find((row) => row.slug === input.indicatorSlug);
  if (!indicator) errors.push({ field: "indicatorSlug", message: "Select an indicator from the catalogue" });
  // Until geography is imported only the partnership's own area can be chosen (its panel shows "no data yet").
  if (!area && areaCode !== partnership.areaCode)
    errors.push({ field: "areaCode", message: `No area has the code ${areaCode}: enter a GSS code like E06000005` });
  if (errors.length) throw AppError.validation(errors);
  return { indicatorSlug: input.indicatorSlug, indicatorTitle: indicator!.title, areaCode };
}

type EntryInput =
  | { kind: "panel"; sectionCode: string; data: { indicatorSlug: string; indicatorTitle: string; areaCode: string } }
  | { kind: "finding"; sectionCode: string; data: FindingInput }
  | { kind: "qualitative"; sectionCode: string; data: QualitativeInput }
  | { kind: "service"; data: ServiceInput }
  | { kind: "swot"; data: SwotInput }
  | { kind: "other-assessment"; data: OtherAssessmentInput };

export async function addEntry(db: Db, audit: AuditContext, partnershipId: string, entry: EntryInput) {
  return db.transaction(async (tx) => {
    const assessment = await repo.ensureAssessment(tx, partnershipId);
    const section = "sectionCode" in entry ? { sectionCode: entry.sectionCode } : {};
    const row = await repo.insertEntry(tx, entry.kind, {
      ...entry.data,
      ...section,
      partnershipId,
      assessmentId: assessment.id,
    } as never);
    await repo.touchAssessment(tx, assessment.id);
    await recordAudit(tx, audit, {
      action: `needs_assessment.${entry.kind}.create`,
      entityType: ENTITY,
      entityId: row.id,
      partnershipId,
      after: row,
    });
    return row;
  });
}

export async function removeEntry(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  kind: repo.EntryKind,
  id: string,
) {
  await db.transaction(async (tx) => {
    const before = await repo.deleteEntry(tx, kind, partnershipId, id);
    if (!before) throw AppError.notFound();
    await recordAudit(tx, audit, {
      action: `needs_assessment.${kind}.delete`,
      entityType: ENTITY,
      entityId: id,
      partnershipId,
      before,
    });
  });
}

export async function setReviewDate(db: Db, audit: AuditContext, partnershipId: string, input: ReviewDateInput) {
  return db.transaction(async (tx) => {
    const assessment = await repo.ensureAssessment(tx, partnershipId);
    const after = await repo.touchAssessment(tx, assessment.id, { reviewDate: input.reviewDate });
    await recordAudit(tx, audit, {
      action: "needs_assessment.review_date.update",
      entityType: ENTITY,
      entityId: assessment.id,
      partnershipId,
      before: assessment,
      after,
    });
    return after;
  });
}

/**
 * Freezes the assessment as it is shown now as the next numbered publication. The snapshot is
 * built inside the transaction, and the partnership's assessment row is locked by the update, so
 * two leads publishing at once get consecutive numbers rather than a clash.
 */
export async function publish(
  db: Db,
  audit: AuditContext,
  partnership: PartnershipLike,
  by: { userId: string | null; name: string },
  voices?: VoiceSource,
) {
  return db.transaction(async (tx) => {
    const assessment = await repo.ensureAssessment(tx, partnership.id);
    await repo.touchAssessment(tx, assessment.id);
    const snapshot = await buildSnapshot(tx, partnership, undefined, voices);
    const number = await repo.nextPublicationNumber(tx, assessment.id);
    const row = await repo.insertPublication(tx, {
      partnershipId: partnership.id,
      assessmentId: assessment.id,
      number,
      publishedBy: by.userId,
      publishedByName: by.name,
      snapshot,
    });
    await recordAudit(tx, audit, {
      action: "needs_assessment.publish",
      entityType: ENTITY,
      entityId: assessment.id,
      partnershipId: partnership.id,
      after: { publicationId: row.id, number },
    });
    return row;
  });
}
