export { meetings, meetingActions } from "./tables.ts";
export { registerMeetingRoutes } from "./meetings-routes.ts";
export { countMeetingsHeld, meetingsNeedingMinutes, overdueActions } from "./repository.ts";
export { meetingMentions } from "./mentions.ts";
export { seedMeetingsDemo } from "./demo.ts";
