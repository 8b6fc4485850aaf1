import { z } from "zod";
import { parsePounds } from "../money.ts";
import { isoFromParts, parseDateText } from "../time.ts";

// Zod fields for form posts: every value arrives as a string (or a list, for checkboxes).

export const requiredText = (message: string, max = 500) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Must be ${max} characters or fewer`);

export const optionalText = (max = 5000) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max} characters or fewer`)
    .optional()
    .transform((value) => value ?? "");

const DATE_MESSAGE = "must be a real date, like 31/03/2026";

export const requiredDate = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .transform((value, ctx) => {
      const iso = parseDateText(value);
      if (!iso) ctx.addIssue({ code: "custom", message: `The ${label} ${DATE_MESSAGE}` });
      return iso ?? "";
    });

export const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const iso = parseDateText(value);
      if (!iso) ctx.addIssue({ code: "custom", message: `The ${label} ${DATE_MESSAGE}` });
      return iso;
    });

/** Checkboxes post nothing, one string, or several. */
export const checkboxList = <T extends string>(allowed?: readonly T[]) =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
    allowed ? z.array(z.enum(allowed as unknown as [T, ...T[]])) : z.array(z.string()),
  );

export const moneyField = (label: string, required = false) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) {
        if (required) ctx.addIssue({ code: "custom", message: `Enter the ${label}` });
        return null;
      }
      const pence = parsePounds(value);
      if (pence === null)
        ctx.addIssue({ code: "custom", message: `The ${label} must be an amount in pounds, like 1250 or 1,250.50` });
      return pence;
    });

export const optionalCount = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      if (!/^\d{1,9}$/.test(value.replace(/,/g, ""))) {
        ctx.addIssue({ code: "custom", message: `${label} must be a whole number, like 120` });
        return null;
      }
      return Number(value.replace(/,/g, ""));
    });

export const httpUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(2000, `The ${label} must be 2000 characters or fewer`)
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    }, `Enter the ${label} as a full web address starting with https://`);

/**
 * Wraps an object schema so each GOV.UK date input's id holds the ISO date built from its -day,
 * -month and -year fields ("" when all empty, "invalid" when not a real date) before the fields
 * are checked, so a date error shows together with every other field's error.
 */
export function withDateInputs<S extends z.ZodType>(ids: readonly string[], schema: S) {
  return z.preprocess((raw) => {
    const value = { ...((raw ?? {}) as Record<string, unknown>) };
    for (const id of ids) {
      const parts = ["day", "month", "year"].map((part) => String(value[`${id}-${part}`] ?? ""));
      const empty = parts.every((part) => part.trim() === "");
      value[id] = empty ? "" : (isoFromParts(parts[0]!, parts[1]!, parts[2]!) ?? "invalid");
    }
    return value;
  }, schema);
}
