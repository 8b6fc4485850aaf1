import type { Db } from "../../kernel/db/database.ts";
import { type PeriodicLog, schedulePeriodic } from "../../kernel/periodic.ts";
import { londonToday } from "../../kernel/time.ts";
import { purgeExpiredSurveyData } from "../consultation/index.ts";
import { purgeExpiredDrafts } from "./drafts.ts";
import { purgeThrottle } from "./throttle.ts";

export const SURVEY_PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** Hourly: drafts left for an hour, yesterday's throttle salts and counts, and data past its retention date. */
export function scheduleSurveyPurge(db: Db, options: { log?: PeriodicLog; intervalMs?: number } = {}) {
  return schedulePeriodic(
    "purged survey data",
    async () => {
      const drafts = await purgeExpiredDrafts(db);
      await purgeThrottle(db);
      const retention = await purgeExpiredSurveyData(db, londonToday());
      return {
        drafts,
        surveysPastRetention: retention.surveys,
        contacts: retention.contacts,
        answers: retention.answers,
      };
    },
    { intervalMs: options.intervalMs ?? SURVEY_PURGE_INTERVAL_MS, log: options.log },
  );
}
