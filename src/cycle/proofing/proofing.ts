import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { type DriverEffect, driverEffects, driverFrameworkFor, familyTypes } from "../actions/index.ts";
import { type FieldDef, optionalText, requiredDate, requiredText } from "../../kernel/forms/index.ts";
import { proofingAssessments } from "./tables.ts";

export type ProofingRow = typeof proofingAssessments.$inferSelect;

export const effectLabels: Record<DriverEffect, string> = {
  positive: "Positive",
  neutral: "Neutral",
  negative: "Negative",
  unknown: "Not known",
};

const effectItems = driverEffects.map((value) => ({ value, text: effectLabels[value] }));
const driverField = (code: string) => `driver-${code}`;
const familyField = (code: string) => `family-${code}`;

/** The form: one effect per top-level driver (or building block) and per priority family type. */
export function proofingFields(nation: string): FieldDef[] {
  const framework = driverFrameworkFor(nation);
  return [
    {
      id: "name",
      label: "Plan or policy assessed",
      type: "text",
      hint: "For example, Local Transport Plan 2025 to 2030",
    },
    { id: "owner", label: "Owner", type: "text", hint: "The service or organisation responsible for it" },
    { id: "assessedOn", label: "Date of assessment", type: "date", hint: "For example, 14/05/2025" },
    ...framework.groups.map((group) => ({
      id: driverField(group.code),
      label: `Expected effect on ${framework.name.toLowerCase()}: ${group.label}`,
      type: "select" as const,
      items: effectItems,
    })),
    ...familyTypes.map((item) => ({
      id: familyField(item.code),
      label: `Expected effect on ${item.label.toLowerCase()}`,
      type: "select" as const,
      items: effectItems,
    })),
    {
      id: "mitigations",
      label: "Mitigations",
      type: "textarea",
      hint: "Changes agreed to reduce any negative effect on families",
    },
    { id: "outcome", label: "Outcome", type: "textarea", hint: "What was decided, and any follow-up" },
  ];
}

export function proofingSchema(nation: string) {
  const effect = (label: string) => z.enum(driverEffects, { error: `Select the expected effect on ${label}` });
  const framework = driverFrameworkFor(nation);
  const shape: Record<string, z.ZodType> = {
    name: requiredText("Enter the name of the plan or policy", 300),
    owner: requiredText("Enter who owns the plan or policy", 300),
    assessedOn: requiredDate("date of assessment"),
    mitigations: optionalText(),
    outcome: requiredText("Enter the outcome of the assessment", 5000),
  };
  for (const group of framework.groups) shape[driverField(group.code)] = effect(group.label.toLowerCase());
  for (const item of familyTypes) shape[familyField(item.code)] = effect(item.label.toLowerCase());
  return z.object(shape).transform((value) => {
    const data = value as Record<string, string>;
    return {
      name: data.name!,
      owner: data.owner!,
      assessedOn: data.assessedOn!,
      mitigations: data.mitigations ?? "",
      outcome: data.outcome!,
      driverEffects: Object.fromEntries(framework.groups.map((group) => [group.code, data[driverField(group.code)]!])),
      familyEffects: Object.fromEntries(familyTypes.map((item) => [item.code, data[familyField(item.code)]!])),
    };
  });
}
export type ProofingInput = z.infer<ReturnType<typeof proofingSchema>>;

export function proofingValues(row: ProofingRow): Record<string, unknown> {
  return {
    ...row,
    ...Object.fromEntries(Object.entries(row.driverEffects).map(([code, value]) => [driverField(code), value])),
    ...Object.fromEntries(Object.entries(row.familyEffects).map(([code, value]) => [familyField(code), value])),
  };
}

export function listAssessments(db: Executor, partnershipId: string): Promise<ProofingRow[]> {
  return db
    .select()
    .from(proofingAssessments)
    .where(eq(proofingAssessments.partnershipId, partnershipId))
    .orderBy(desc(proofingAssessments.assessedOn));
}

export async function findAssessment(
  db: Executor,
  partnershipId: string,
  id: string,
): Promise<ProofingRow | undefined> {
  const [row] = await db
    .select()
    .from(proofingAssessments)
    .where(and(eq(proofingAssessments.id, id), eq(proofingAssessments.partnershipId, partnershipId)))
    .limit(1);
  return row;
}

export async function saveAssessment(
  db: Executor,
  audit: AuditContext,
  partnershipId: string,
  id: string | null,
  input: ProofingInput,
) {
  return db.transaction(async (tx) => {
    const before = id ? await findAssessment(tx, partnershipId, id) : undefined;
    const [after] = before
      ? await tx
          .update(proofingAssessments)
          .set({ ...input, updatedAt: new Date() })
          .where(and(eq(proofingAssessments.id, before.id), eq(proofingAssessments.partnershipId, partnershipId)))
          .returning()
      : await tx
          .insert(proofingAssessments)
          .values({ ...input, partnershipId })
          .returning();
    await recordAudit(tx, audit, {
      action: before ? "proofing.update" : "proofing.create",
      entityType: "proofing_assessment",
      entityId: after!.id,
      partnershipId,
      before,
      after,
    });
    return after!;
  });
}
