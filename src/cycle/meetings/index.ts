export { meetingsDomain } from "./domain.ts";
export { meetings, meetingActions } from "./tables.ts";
export { countMeetingsHeld } from "./repository.ts";
export { addDays, londonToday } from "./dates.ts";
export { seedMeetingsDemo } from "./demo.ts";
export { allowedExtensions, checkPaper, type PaperCheck } from "./papers.ts";
export { meetingPaths } from "./paths.ts";
