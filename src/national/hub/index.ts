export { hubDomain } from "./domain.ts";
export { groupMeetingPaths } from "./paths.ts";
