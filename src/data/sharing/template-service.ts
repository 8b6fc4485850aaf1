import { z } from "zod";
import { type AuditContext, recordAudit } from "../../kernel/audit/audit.ts";
import type { Nation } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { type FieldDef, optionalText, requiredText } from "../../kernel/forms/index.ts";
import { findTemplate, insertTemplate, type SharingTemplateRow, updateTemplate } from "./repository.ts";
import { checkConditions, normaliseConditions, termsFields, termsShape } from "./terms-schema.ts";

export const templateFields: FieldDef[] = [
  { id: "title", label: "Title", type: "text", hint: "For example, School free meals and clothing grant eligibility" },
  { id: "summary", label: "When to use it", type: "textarea", rows: 3 },
  ...termsFields,
];

export const templateSchema = z
  .object({
    title: requiredText("Enter a title for the template", 300),
    summary: optionalText(2000),
    ...termsShape,
  })
  .superRefine(checkConditions)
  .transform(normaliseConditions);
export type TemplateInput = z.output<typeof templateSchema>;

/** Adds a template to the nation's library, or changes one of its templates. */
export async function saveTemplate(
  db: Executor,
  audit: AuditContext,
  nation: Nation,
  id: string | null,
  input: TemplateInput,
): Promise<SharingTemplateRow> {
  return db.transaction(async (tx) => {
    const before = id ? await findTemplate(tx, nation, id) : undefined;
    if (id && !before) throw AppError.notFound();
    const after = before
      ? await updateTemplate(tx, nation, before.id, input)
      : await insertTemplate(tx, { ...input, nation });
    await recordAudit(tx, audit, {
      action: before ? "sharing.template.update" : "sharing.template.create",
      entityType: "sharing_template",
      entityId: after.id,
      before,
      after,
    });
    return after;
  });
}
