import type { AuditContext } from "../../kernel/audit/audit.ts";
import { recordAudit } from "../../kernel/audit/audit.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { findIndicator, type IndicatorRow, updateIndicator } from "./repository.ts";
import { indicatorUpdateSchema } from "./schemas.ts";

/** Edits an indicator's catalogue entry (title, definition, unit, polarity, tags, release dates…). */
export async function editIndicator(db: Db, audit: AuditContext, slug: string, input: unknown): Promise<IndicatorRow> {
  const parsed = indicatorUpdateSchema.safeParse(input);
  if (!parsed.success) {
    throw AppError.validation(
      parsed.error.issues.map((issue) => ({ field: issue.path.join("-") || "form", message: issue.message })),
    );
  }
  return db.transaction(async (tx) => {
    const before = await findIndicator(tx, slug);
    if (!before) throw AppError.notFound("No such indicator");
    const after = (await updateIndicator(tx, slug, parsed.data))!;
    await recordAudit(tx, audit, {
      action: "indicator.updated",
      entityType: "indicator",
      entityId: slug,
      before,
      after,
    });
    return after;
  });
}
