import type { Executor } from "../../kernel/db/database.ts";
import { currentReportingYear, londonToday } from "../../kernel/time.ts";
import { insertFeedback } from "./repository.ts";

/** Fictional review feedback for the demo: one comment in review, one returned to the lead. */
export async function seedFeedbackDemo(
  db: Executor,
  partnershipId: string,
  author: { userId: string | null; name: string },
  today = londonToday(),
): Promise<void> {
  const reportingYear = currentReportingYear(today);
  await insertFeedback(db, {
    partnershipId,
    reportingYear,
    section: "Income maximisation",
    comment:
      "Please say how many families were helped to apply for benefits they were eligible for, and how this compares with last year.",
    status: "returned",
    authorUserId: author.userId,
    authorName: author.name,
  });
  await insertFeedback(db, {
    partnershipId,
    reportingYear,
    section: "Priority family types",
    comment:
      "The measures for larger families and families with a disabled member could be linked to the drivers they address.",
    status: "in-review",
    authorUserId: author.userId,
    authorName: author.name,
  });
}
