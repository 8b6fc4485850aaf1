import { z } from "zod";

/** YYYY-MM-DD (what a date input sends), and a day that exists. One message per problem. */
const isoDate = z
  .string()
  .trim()
  .superRefine((value, context) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      context.addIssue({ code: "custom", message: "Enter a date like 2026-04-30" });
      return;
    }
    const parsed = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(value)) {
      context.addIssue({ code: "custom", message: "Enter a real date" });
    }
  });

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

/** The audit log's filters, from the query string. */
export const auditQuery = z
  .object({
    action: optional(z.string().trim().max(100, "Action must be 100 characters or fewer")),
    partnershipId: optional(z.uuid({ error: "Select a partnership from the list" })),
    actor: optional(z.string().trim().max(254, "Email must be 254 characters or fewer")),
    from: optional(isoDate),
    to: optional(isoDate),
    page: optional(
      z.coerce
        .number({ error: "Page must be a number" })
        .int("Page must be a whole number")
        .min(1, "Page must be 1 or more")
        .max(100_000, "Page is too large"),
    ),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    path: ["to"],
    message: "The end date must be on or after the start date",
  });

export type AuditQuery = z.infer<typeof auditQuery>;

export const PAGE_SIZE = 50;
