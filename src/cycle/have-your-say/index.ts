/** Have your say: the public survey runner and the public "you said, we did" pages. */
export { surveyDrafts, surveyThrottle, surveyThrottleSalts } from "./tables.ts";
