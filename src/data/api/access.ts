/**
 * How the API answers for an indicator the reader may not see. Who may see what is decided by
 * the indicators domain (visibleIndicators, mayReadIndicator), the same rule the pages use.
 */
import type { Actor } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { accessOf, type IndicatorRow, mayReadIndicator } from "../indicators/index.ts";

/**
 * Throws unless the actor may read the indicator: no token → 401 (the data is not open);
 * a token that may not see it → 404, so restricted indicators are never confirmed to exist.
 */
export async function authorizeIndicator(db: Executor, actor: Actor | null, indicator: IndicatorRow): Promise<void> {
  if (accessOf(indicator) === "open") return;
  if (!actor)
    throw new AppError(
      "UNAUTHENTICATED",
      "This indicator is not open data: send an API token (Authorization: Bearer <token>)",
    );
  if (!(await mayReadIndicator(db, actor, indicator))) throw AppError.notFound("No such indicator");
}
