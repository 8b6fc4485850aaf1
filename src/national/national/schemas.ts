import { z } from "zod";
import { isFinancialYear } from "../../kernel/time.ts";

export const reportStatusFilter = ["all", "not-started", "draft", "published", "overdue"] as const;

/** The national view's query string; anything unexpected falls back to "all". */
export const nationalQuery = z.object({
  status: z.enum(reportStatusFilter).catch("all").default("all"),
  gaps: z.enum(["all", "with-gaps", "none"]).catch("all").default("all"),
  q: z.string().trim().max(100).catch("").default(""),
  /** The reporting year ("2026/27"); absent or not a year means the one due now. */
  year: z.string().refine(isFinancialYear).optional().catch(undefined),
});
export type NationalQuery = z.infer<typeof nationalQuery>;

export const feedbackStatuses = ["requested", "in-review", "returned"] as const;
export const feedbackStatusLabels: Record<(typeof feedbackStatuses)[number], string> = {
  requested: "Requested",
  "in-review": "In review",
  returned: "Returned",
};

export const feedbackForm = z.object({
  section: z
    .string({ error: "Enter the report section" })
    .trim()
    .min(1, "Enter the report section")
    .max(200, "Section must be 200 characters or fewer"),
  comment: z
    .string({ error: "Enter your comment" })
    .trim()
    .min(1, "Enter your comment")
    .max(10_000, "Comment must be 10,000 characters or fewer"),
  status: z.enum(feedbackStatuses, { error: "Select a status" }),
});

export const feedbackStatusForm = z.object({ status: z.enum(feedbackStatuses, { error: "Select a status" }) });

/** A partnership lead's reply to a review comment, and whether the point has been addressed. */
export const feedbackReplyForm = z
  .object({
    reply: z
      .string({ error: "Enter the reply as text" })
      .trim()
      .max(10_000, "Reply must be 10,000 characters or fewer")
      .default(""),
    addressed: z
      .union([z.literal("yes"), z.array(z.string())])
      .optional()
      .transform((value) => value !== undefined),
  })
  .refine((form) => form.reply.length > 0 || form.addressed, {
    path: ["reply"],
    message: "Enter a reply, or mark the feedback as addressed",
  });
