import type { FastifyReply } from "fastify";
import type { FieldError } from "../errors/app-error.ts";

/** A form field described once in code and rendered with the matching govuk-frontend macro. */
export interface FieldDef {
  id: string;
  label: string;
  type: "text" | "textarea" | "select" | "radios" | "checkboxes" | "date" | "number" | "money" | "url";
  hint?: string;
  items?: { value: string; text: string; hint?: string }[];
  /** govuk width class for inputs, e.g. "govuk-input--width-10" */
  classes?: string;
  rows?: number;
}

/**
 * The partnership whose section navigation a page shows, for routes that do not load it through
 * the pipeline (`request.partnership` needs none of this).
 */
export interface SubnavContext {
  partnershipId: string;
  partnershipName: string;
  nation?: string;
  /** Unused by the navigation (it finds the current section from the path); kept for old callers. */
  current?: string;
}

export interface FormPage {
  title: string;
  caption?: string;
  action: string;
  fields: FieldDef[];
  values?: Record<string, unknown>;
  errors?: FieldError[];
  submitText?: string;
  backHref?: string;
  subnav?: SubnavContext;
  intro?: string;
  /** The one-time token of a form sent once (kernel/forms/once.ts). */
  onceToken?: string;
  /** The status when there are errors: 400 unless a refusal says otherwise (429 when throttled). */
  status?: number;
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null || value === "") return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

function component(field: FieldDef, value: unknown, error: FieldError | undefined) {
  const base = {
    id: field.id,
    name: field.id,
    hint: field.hint ? { text: field.hint } : undefined,
    errorMessage: error ? { text: error.message } : undefined,
  };
  const label = { text: field.label, classes: "govuk-label--s" };
  const legend = { text: field.label, classes: "govuk-fieldset__legend--s" };
  switch (field.type) {
    case "textarea":
      return { macro: "textarea", params: { ...base, label, rows: field.rows ?? 5, value: value ?? "" } };
    case "select":
      return {
        macro: "select",
        params: {
          ...base,
          label,
          items: [{ value: "", text: "Select one" }, ...(field.items ?? [])].map((item) => ({
            ...item,
            selected: item.value === value,
          })),
        },
      };
    case "radios":
    case "checkboxes": {
      const chosen = asList(value);
      return {
        macro: field.type,
        params: {
          idPrefix: field.id,
          name: field.id,
          hint: base.hint,
          errorMessage: base.errorMessage,
          classes:
            field.type === "checkboxes" && (field.items?.length ?? 0) > 6 ? "govuk-checkboxes--small" : undefined,
          fieldset: { legend },
          items: (field.items ?? []).map((item) => ({
            value: item.value,
            text: item.text,
            hint: item.hint ? { text: item.hint } : undefined,
            checked: chosen.includes(item.value),
          })),
        },
      };
    }
    default: {
      const extra: Record<string, unknown> = {};
      if (field.type === "number") extra.inputmode = "numeric";
      if (field.type === "money") extra.prefix = { text: "£" };
      if (field.type === "url") extra.type = "url";
      if (field.type === "date") extra.classes = "govuk-input--width-10";
      return {
        macro: "input",
        params: { ...base, label, value: value ?? "", spellcheck: false, classes: field.classes, ...extra },
      };
    }
  }
}

/** The govuk-frontend macro and its parameters for each field, values and errors filled in. */
export function fieldComponents(fields: FieldDef[], values: Record<string, unknown>, errors: FieldError[] = []) {
  return fields.map((field) =>
    component(
      field,
      values[field.id],
      errors.find((error) => error.field === field.id),
    ),
  );
}

/** Renders the generic field-list form (200 for a fresh form, 400 with errors and values kept). */
export function renderForm(reply: FastifyReply, page: FormPage): FastifyReply {
  const components = fieldComponents(page.fields, page.values ?? {}, page.errors);
  const status = page.errors?.length ? (page.status ?? 400) : 200;
  return reply.code(status).view("forms/views/form.njk", { ...page, components });
}
