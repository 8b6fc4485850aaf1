/** Have your say: the public survey runner and the public "you said, we did" pages. */
export { surveyDrafts, surveyThrottle, surveyThrottleSalts } from "./tables.ts";
export { haveYourSayDomain } from "./domain.ts";
export { purgeExpiredDrafts } from "./drafts.ts";
export { purgeThrottle } from "./throttle.ts";
export { scheduleSurveyPurge } from "./purge.ts";
