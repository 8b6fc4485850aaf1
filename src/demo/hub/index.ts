export { demoHubDomain } from "./domain.ts";
export { seedHubDemo } from "./seed-hub.ts";
export { demoNationalPartner } from "./group.ts";
