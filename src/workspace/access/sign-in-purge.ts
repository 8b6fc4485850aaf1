import type { Db } from "../../kernel/db/database.ts";
import { type Periodic, type PeriodicLog, schedulePeriodic } from "../../kernel/periodic.ts";
import { purgeExpiredChallenges } from "./mfa-repository.ts";
import { purgeOldResets } from "./password-reset-repository.ts";

/** Hourly: half-done sign-ins past their ten minutes and reset links a day past use or expiry. */
export function scheduleSignInPurge(db: Db, options: { log?: PeriodicLog; intervalMs?: number } = {}): Periodic {
  return schedulePeriodic(
    "purged expired two-factor challenges and old password reset links",
    async () => (await purgeExpiredChallenges(db)) + (await purgeOldResets(db)),
    { intervalMs: options.intervalMs ?? 60 * 60 * 1000, log: options.log },
  );
}
