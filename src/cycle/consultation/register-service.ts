import type { AuditContext } from "../../kernel/audit/audit.ts";
import { recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError, type FieldError } from "../../kernel/errors/app-error.ts";
import { findActionChoices } from "../actions/index.ts";
import { checkPaper } from "../meetings/index.ts";
import { listMembers } from "../../workspace/partnerships/index.ts";
import * as repo from "./register-repository.ts";
import type { ActivityInput, ParticipantsInput } from "./schemas.ts";
import { findSurveyOf } from "./survey-repository.ts";
import { listDailyCounts } from "./response-repository.ts";
import { audiences } from "./vocabulary.ts";

const MAX_NOTES_BYTES = 20 * 1024 * 1024;

/** Lead and partners must be member organisations, actions the partnership's own: a forged id is a form error. */
async function checkReferences(db: Db, partnershipId: string, input: ActivityInput): Promise<void> {
  const memberIds = new Set((await listMembers(db, partnershipId)).map((member) => member.organisationId));
  const errors: FieldError[] = [];
  if (input.leadOrganisationId && !memberIds.has(input.leadOrganisationId))
    errors.push({ field: "leadOrganisationId", message: "Select the lead partner from the partnership's members" });
  if (input.partnerIds.some((id) => !memberIds.has(id)))
    errors.push({ field: "partnerIds", message: "Select partners from the partnership's members" });
  const actions = await findActionChoices(db, partnershipId, input.actionIds);
  if (actions.length !== new Set(input.actionIds).size)
    errors.push({ field: "actionIds", message: "Select actions from the partnership's action plan" });
  if (errors.length) throw AppError.validation(errors);
}

function values(input: ActivityInput) {
  return {
    title: input.title,
    purpose: input.purpose,
    informs: input.informs,
    reportYear: input.informs.includes("report") ? input.reportYear : null,
    audiences: input.audiences,
    methods: input.methods,
    methodOther: input.methods.includes("other") ? input.methodOther : "",
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    feedbackBy: input.feedbackBy,
    leadOrganisationId: input.leadOrganisationId,
    accessibility: input.accessibility,
    safeguarding: input.safeguarding,
    costPence: input.cost,
    status: input.status,
    summary: input.summary,
  };
}

/** Creates (activityId null) or changes an activity of the register, with its partners and actions. */
export async function saveActivity(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  activityId: string | null,
  input: ActivityInput,
): Promise<repo.ActivityRow> {
  await checkReferences(db, partnershipId, input);
  return db.transaction(async (tx) => {
    const before = activityId ? await repo.findActivity(tx, partnershipId, activityId) : undefined;
    if (activityId && !before) throw AppError.notFound();
    const row = before
      ? (await repo.updateActivity(tx, partnershipId, before.id, values(input)))!
      : await repo.insertActivity(tx, partnershipId, values(input));
    await repo.setPartners(tx, partnershipId, row.id, [...new Set(input.partnerIds)]);
    await repo.setActionLinks(tx, partnershipId, row.id, [...new Set(input.actionIds)]);
    await recordAudit(tx, audit, {
      action: before ? "engagement.update" : "engagement.create",
      entityType: "engagement_activity",
      entityId: row.id,
      partnershipId,
      before: before ?? null,
      after: { ...row, partnerIds: input.partnerIds, actionIds: input.actionIds },
    });
    return row;
  });
}

export async function recordParticipants(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  activityId: string,
  input: ParticipantsInput,
): Promise<void> {
  const counts = audiences
    .map((audience) => ({ audience, count: input[audience] }))
    .filter((row): row is { audience: (typeof audiences)[number]; count: number } => row.count !== null);
  await db.transaction(async (tx) => {
    if (!(await repo.findActivity(tx, partnershipId, activityId))) throw AppError.notFound();
    await repo.setParticipants(tx, partnershipId, activityId, counts);
    await recordAudit(tx, audit, {
      action: "engagement.participants",
      entityType: "engagement_activity",
      entityId: activityId,
      partnershipId,
      after: counts,
    });
  });
}

export async function uploadNotes(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  activityId: string,
  file: { name: string; content: Buffer; truncated: boolean },
  uploadedBy: string | null,
): Promise<void> {
  const check = checkPaper(file.name, file.content, file.truncated, MAX_NOTES_BYTES);
  if (!check.ok) throw AppError.validation([{ field: "file", message: check.message }]);
  await db.transaction(async (tx) => {
    if (!(await repo.findActivity(tx, partnershipId, activityId))) throw AppError.notFound();
    const row = await repo.insertFile(tx, {
      activityId,
      partnershipId,
      fileName: check.fileName,
      contentType: check.contentType,
      sizeBytes: file.content.length,
      sha256: check.sha256,
      content: file.content,
      uploadedBy,
    });
    await recordAudit(tx, audit, {
      action: "engagement.file.upload",
      entityType: "engagement_file",
      entityId: row.id,
      partnershipId,
      after: { activityId, fileName: check.fileName, sha256: check.sha256, sizeBytes: file.content.length },
    });
  });
}

export async function removeNotes(
  db: Db,
  audit: AuditContext,
  partnershipId: string,
  activityId: string,
  fileId: string,
) {
  await db.transaction(async (tx) => {
    const row = await repo.deleteFile(tx, partnershipId, activityId, fileId);
    if (!row) throw AppError.notFound();
    await recordAudit(tx, audit, {
      action: "engagement.file.delete",
      entityType: "engagement_file",
      entityId: fileId,
      partnershipId,
      before: row,
    });
  });
}

/** An activity whose survey has responses is evidence: it cannot be deleted. */
export async function removeActivity(db: Db, audit: AuditContext, partnershipId: string, activityId: string) {
  await db.transaction(async (tx) => {
    const survey = await findSurveyOf(tx, partnershipId, activityId);
    if (survey && (await listDailyCounts(tx, survey.id)).some((row) => row.count > 0))
      throw new AppError("CONFLICT", "This activity's survey has responses, so it cannot be deleted");
    const row = await repo.deleteActivity(tx, partnershipId, activityId);
    if (!row) throw AppError.notFound();
    await recordAudit(tx, audit, {
      action: "engagement.delete",
      entityType: "engagement_activity",
      entityId: activityId,
      partnershipId,
      before: row,
    });
  });
}
