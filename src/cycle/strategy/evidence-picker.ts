import { z } from "zod";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { type EvidenceKind, evidenceKindLabels } from "./evidence.ts";
import type { FieldDef } from "../../kernel/forms/index.ts";
import { type EvidenceInput, evidenceForm } from "./schemas.ts";
import { evidenceFields } from "./strategy-forms.ts";

/** Evidence a priority or action can link to, offered by the needs assessment (passed in from app.ts). */
export interface EvidenceChoice {
  kind: EvidenceKind;
  referenceId: string;
  label: string;
}
export type EvidenceChoiceSource = (db: Executor, partnershipId: string) => Promise<EvidenceChoice[]>;

const choiceValue = (choice: EvidenceChoice) => `${choice.kind}|${choice.referenceId}`;

/** A select of the assessment's evidence first; the free-text fields stay for anything else. */
export function evidencePickerFields(choices: EvidenceChoice[]): FieldDef[] {
  if (!choices.length) return evidenceFields;
  return [
    {
      id: "choice",
      label: "Evidence from the needs assessment",
      type: "select",
      hint: "Choose a finding, qualitative evidence or an indicator from the assessment, or leave this and enter a reference below",
      items: choices.map((choice) => ({
        value: choiceValue(choice),
        text: `${evidenceKindLabels[choice.kind]}: ${choice.label}`,
      })),
    },
    ...evidenceFields.map((field) => ({ ...field, label: `${field.label} (if not chosen above)` })),
  ];
}

/** Either a choice, or the free-text kind, reference and label (checked as before). */
export const evidencePickForm = z
  .object({
    choice: z.string().trim().max(400).optional(),
    kind: z.string().optional(),
    referenceId: z.string().optional(),
    label: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.choice) return;
    const parsed = evidenceForm.safeParse(value);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  });
export type EvidencePickInput = z.infer<typeof evidencePickForm>;

/** The link to save; a choice must be one of the partnership's own (a forged value is a form error). */
export function resolveEvidencePick(data: EvidencePickInput, choices: EvidenceChoice[]): EvidenceInput {
  if (!data.choice) return evidenceForm.parse(data);
  const choice = choices.find((item) => choiceValue(item) === data.choice);
  if (!choice) throw AppError.validation([{ field: "choice", message: "Select evidence from the list" }]);
  const label = data.label?.trim() || choice.label;
  return { kind: choice.kind, referenceId: choice.referenceId, label: label.slice(0, 300) };
}
