import type { Domain } from "../../kernel/domains/descriptor.ts";

/** The demo's national breadth: every Scottish council area, the partners' hub and the library (seeded by demo/seed). */
export const demoHubDomain: Domain = { name: "demo/hub" };
