/**
 * How the API answers for an indicator the reader may not see. Who may see what is decided by
 * the indicators domain (tierOf, mayReadIndicator), the same rule the pages use.
 */
import type { AuditContext } from "../../kernel/audit/audit.ts";
import type { Actor } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { type IndicatorRow, mayReadIndicator, tierOf } from "../indicators/index.ts";

/**
 * Throws unless the actor may read the indicator. A restricted indicator is never confirmed to
 * exist: 404 to anyone not named as a reader, token or not (and the attempt is audited). A
 * partnership's indicator without a token → 401 (the data is not open); with a token that may
 * not see it → 404.
 */
export async function authorizeIndicator(
  db: Executor,
  actor: Actor | null,
  indicator: IndicatorRow,
  context?: AuditContext,
): Promise<void> {
  const tier = tierOf(indicator);
  if (tier === "public") return;
  if (!actor && tier === "partnership")
    throw new AppError(
      "UNAUTHENTICATED",
      "This indicator is not open data: send an API token (Authorization: Bearer <token>)",
    );
  if (!(await mayReadIndicator(db, actor, indicator, context))) throw AppError.notFound("No such indicator");
}
