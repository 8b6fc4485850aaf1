import { z } from "zod";
import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Nation } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { type FieldDef, requiredText } from "../../kernel/forms/index.ts";
import { insertPrinciples, latestPrinciples, nextPrinciplesVersion, type SharingPrinciplesRow } from "./repository.ts";
import { defaultCriteria, type SharingCriteria } from "./risk.ts";
import { dataLevelLabels, dataLevels, volumeLabels, volumes } from "./vocabulary.ts";

const points = (label: string) =>
  z
    .string({ error: `Enter the points for ${label}` })
    .trim()
    .min(1, `Enter the points for ${label}`)
    .refine(
      (value) => /^\d{1,2}$/.test(value) && Number(value) <= 20,
      `The points for ${label} must be a whole number from 0 to 20`,
    )
    .transform(Number);

const pointFields: { id: string; label: string; hint?: string }[] = [
  ...dataLevels.map((level) => ({ id: `level-${level}`, label: `Identifiability: ${dataLevelLabels[level]}` })),
  { id: "specialCategory", label: "Sensitivity: special category data shared" },
  { id: "childrenData", label: "Children's data shared" },
  ...volumes.map((volume) => ({ id: `volume-${volume}`, label: `Volume: ${volumeLabels[volume].toLowerCase()}` })),
  { id: "onwardSharing", label: "Onward sharing allowed" },
  { id: "mediumFrom", label: "Medium risk from (total points)" },
  { id: "highFrom", label: "High risk from (total points)" },
];

export const principlesFields: FieldDef[] = [
  ...pointFields.map((field) => ({
    id: field.id,
    label: field.label,
    type: "number" as const,
    classes: "govuk-input--width-3",
  })),
  {
    id: "note",
    label: "What changed, and why",
    type: "textarea",
    hint: "Shown with this version, so partnerships see why their agreements may need re-assessing",
  },
];

export const principlesSchema = z
  .object({
    ...Object.fromEntries(pointFields.map((field) => [field.id, points(field.label.toLowerCase())])),
    note: requiredText("Enter what changed in this version, and why", 2000),
  } as Record<string, z.ZodType>)
  .transform((raw, ctx) => {
    const value = raw as Record<string, number> & { note: string };
    const criteria: SharingCriteria = {
      level: Object.fromEntries(
        dataLevels.map((level) => [level, value[`level-${level}`]!]),
      ) as SharingCriteria["level"],
      specialCategory: value.specialCategory!,
      childrenData: value.childrenData!,
      volume: Object.fromEntries(
        volumes.map((volume) => [volume, value[`volume-${volume}`]!]),
      ) as SharingCriteria["volume"],
      onwardSharing: value.onwardSharing!,
      mediumFrom: value.mediumFrom!,
      highFrom: value.highFrom!,
    };
    if (criteria.mediumFrom < 1) {
      ctx.addIssue({ code: "custom", path: ["mediumFrom"], message: "Medium risk must start from 1 point or more" });
    }
    if (criteria.highFrom <= criteria.mediumFrom) {
      ctx.addIssue({
        code: "custom",
        path: ["highFrom"],
        message: "High risk must start from more points than medium risk",
      });
    }
    return { criteria, note: value.note };
  });
export type PrinciplesInput = z.output<typeof principlesSchema>;

export function principlesValues(criteria: SharingCriteria): Record<string, unknown> {
  return {
    ...Object.fromEntries(dataLevels.map((level) => [`level-${level}`, String(criteria.level[level])])),
    ...Object.fromEntries(volumes.map((volume) => [`volume-${volume}`, String(criteria.volume[volume])])),
    specialCategory: String(criteria.specialCategory),
    childrenData: String(criteria.childrenData),
    onwardSharing: String(criteria.onwardSharing),
    mediumFrom: String(criteria.mediumFrom),
    highFrom: String(criteria.highFrom),
  };
}

/**
 * The nation's current principles. A nation whose coordinator has saved none is given the
 * service's starting principles as version 1, so every agreement is assessed under a stored version.
 */
export async function currentPrinciples(db: Executor, nation: Nation): Promise<SharingPrinciplesRow> {
  const latest = await latestPrinciples(db, nation);
  if (latest) return latest;
  await insertPrinciples(db, {
    nation,
    version: 1,
    criteria: defaultCriteria,
    note: "The service's starting principles, until the national coordinator saves the nation's own.",
  });
  return (await latestPrinciples(db, nation))!;
}

/** Saves the principles as the nation's next version; older versions stay as they were. */
export async function savePrinciples(
  db: Executor,
  audit: AuditContext,
  nation: Nation,
  input: PrinciplesInput,
  savedByName: string,
): Promise<SharingPrinciplesRow> {
  return db.transaction(async (tx) => {
    const before = await latestPrinciples(tx, nation);
    const version = await nextPrinciplesVersion(tx, nation);
    const after = await insertPrinciples(tx, {
      nation,
      version,
      criteria: input.criteria,
      note: input.note,
      savedBy: audit.actorUserId,
      savedByName,
    });
    if (!after) {
      throw AppError.validation([
        { field: "note", message: "Someone else saved the principles at the same time: check them and save again" },
      ]);
    }
    await recordAudit(tx, audit, {
      action: "sharing.principles.save",
      entityType: "sharing_principles",
      entityId: after.id,
      before: before ? { version: before.version, criteria: before.criteria } : null,
      after: { nation, version, criteria: after.criteria, note: after.note },
    });
    return after;
  });
}
