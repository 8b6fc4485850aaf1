export { demoSeedDomain } from "./domain.ts";
export { type DemoSignIn, demoAuditContext, seedDemo } from "./seed.ts";
export { demoPartnerships } from "./demo-data.ts";
