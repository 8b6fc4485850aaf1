/**
 * The column-mapping step of a wide upload: which column holds area codes, the period, and
 * which columns feed which indicator (one of the partnership's own, or a new one). Turns the
 * form into the `wide` importer's mapping, or into form errors named by field.
 */
import { z } from "zod";
import { type IndicatorRow, parsePeriod, units } from "../indicators/index.ts";
import { periodMarkers, slugify } from "./cells.ts";
import type { wideMappingSchema } from "./importers/wide.ts";

export type WideMapping = z.input<typeof wideMappingSchema>;
export type FieldError = { field: string; message: string };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const formSchema = z.record(
  z.string(),
  z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? (v[0] ?? "") : v).trim()),
);

export interface ColumnChoice {
  index: number;
  header: string;
  use: string;
  slug: string;
  title: string;
  unit: string;
  /** Headings of the columns holding this indicator's numerator and denominator (rates), or "". */
  numerator: string;
  denominator: string;
}

export interface MappingValues {
  codeColumn: string;
  /** Empty: every row has `period`. */
  periodColumn: string;
  period: string;
  columns: ColumnChoice[];
}

/** The form as submitted (or the first suggestion: a column named like "code" holds the area codes). */
export function mappingValues(header: readonly string[], body: unknown): MappingValues {
  const form = formSchema.catch({}).parse(body ?? {});
  const guess = header.find((h) => /code/i.test(h)) ?? header[0] ?? "";
  return {
    codeColumn: form.codeColumn ?? guess,
    periodColumn: form.periodColumn ?? "",
    period: form.period ?? "",
    columns: header.map((h, index) => ({
      index,
      header: h,
      use: form[`use-${index}`] ?? "",
      slug: form[`slug-${index}`] ?? "",
      title: form[`title-${index}`] ?? "",
      unit: form[`unit-${index}`] ?? "",
      numerator: form[`numerator-${index}`] ?? "",
      denominator: form[`denominator-${index}`] ?? "",
    })),
  };
}

/** Validates the choices; the indicators offered are the partnership's own (national ones cannot take a partnership's upload). */
export function mappingFrom(
  header: readonly string[],
  values: MappingValues,
  own: readonly IndicatorRow[],
): { mapping: WideMapping | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!header.includes(values.codeColumn))
    errors.push({ field: "codeColumn", message: "Choose the column that holds the area codes" });
  if (new Set(header).size !== header.length)
    errors.push({
      field: "codeColumn",
      message: "Two columns have the same heading; give each column its own heading and upload the file again",
    });
  const period = parsePeriod(periodMarkers(values.period).text);
  if (values.periodColumn !== "") {
    if (!header.includes(values.periodColumn))
      errors.push({ field: "periodColumn", message: "Choose the column that holds each row's period" });
    else if (values.periodColumn === values.codeColumn)
      errors.push({ field: "periodColumn", message: "The period column cannot be the area code column" });
  } else if (!values.period)
    errors.push({
      field: "period",
      message:
        "Enter the period the values are for, for example 2021/22, or choose the column that holds each row's period",
    });
  else if (!period)
    errors.push({
      field: "period",
      message: `"${values.period}" is not a period: use for example 2021/22, 2021, 2021 Q1 or 2021-03`,
    });
  const bySlug = new Map(own.map((row) => [row.slug, row]));
  const slugs = new Map<string, string>();
  const columns: WideMapping["columns"] = [];
  for (const choice of values.columns) {
    if (choice.use === "") continue;
    const where = `column “${choice.header}”`;
    if (choice.header === values.codeColumn || choice.header === values.periodColumn) {
      errors.push({
        field: `use-${choice.index}`,
        message: `The ${where} holds the area codes or periods; do not import it as an indicator`,
      });
      continue;
    }
    const parts: { numeratorColumn?: string; denominatorColumn?: string } = {};
    for (const part of ["numerator", "denominator"] as const) {
      const heading = choice[part];
      if (heading === "") continue;
      if (
        !header.includes(heading) ||
        heading === choice.header ||
        heading === values.codeColumn ||
        heading === values.periodColumn
      ) {
        errors.push({
          field: `${part}-${choice.index}`,
          message: `Choose another column for the ${part} of the ${where}`,
        });
      } else parts[`${part}Column`] = heading;
    }
    if (choice.use === "new") {
      const title = choice.title || choice.header;
      const slug = choice.slug || slugify(title);
      if (!SLUG.test(slug) || slug.length > 80)
        errors.push({
          field: `slug-${choice.index}`,
          message: `Enter an identifier for the ${where} in lower-case letters, digits and hyphens`,
        });
      else if (bySlug.has(slug) || slugs.has(slug))
        errors.push({
          field: `slug-${choice.index}`,
          message: `The identifier “${slug}” is already used; choose another, or choose the existing indicator`,
        });
      if (title.length > 300)
        errors.push({ field: `title-${choice.index}`, message: "The title must be 300 characters or fewer" });
      const unit = units.find((u) => u === choice.unit);
      if (!unit) errors.push({ field: `unit-${choice.index}`, message: `Choose the unit of the ${where}` });
      slugs.set(slug, choice.header);
      if (unit)
        columns.push({
          column: choice.header,
          ...parts,
          indicator: { slug, title, unit, disclosureRule: "small-count" },
        });
      continue;
    }
    const existing = choice.use.startsWith("indicator:")
      ? bySlug.get(choice.use.slice("indicator:".length))
      : undefined;
    if (!existing) {
      errors.push({ field: `use-${choice.index}`, message: `Choose what the ${where} holds` });
      continue;
    }
    if (slugs.has(existing.slug)) {
      errors.push({
        field: `use-${choice.index}`,
        message: `“${existing.title}” is already chosen for column “${slugs.get(existing.slug)}”`,
      });
      continue;
    }
    slugs.set(existing.slug, choice.header);
    const unit = units.find((u) => u === existing.unit) ?? "score";
    columns.push({
      column: choice.header,
      ...parts,
      indicator: {
        slug: existing.slug,
        title: existing.title,
        unit,
        disclosureRule: existing.disclosureRule === "none" ? "none" : "small-count",
      },
    });
  }
  if (columns.length === 0 && !values.columns.some((c) => c.use !== "")) {
    errors.push({
      field: `use-${values.columns.find((c) => c.header !== values.codeColumn)?.index ?? 0}`,
      message: "Choose at least one column to import as an indicator",
    });
  }
  if (errors.length > 0) return { mapping: null, errors };
  const periodChoice = values.periodColumn
    ? { period: "", periodColumn: values.periodColumn }
    : { period: values.period };
  return { mapping: { codeColumn: values.codeColumn, ...periodChoice, columns }, errors };
}
