export { meetingsDomain } from "./domain.ts";
export { meetings, meetingActions } from "./tables.ts";
export { countMeetingsHeld } from "./repository.ts";
export { seedMeetingsDemo } from "./demo.ts";
export { meetingPaths } from "./paths.ts";
