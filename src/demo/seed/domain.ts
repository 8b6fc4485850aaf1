import type { Domain } from "../../kernel/domains/descriptor.ts";

/** Demo data made through the other domains' services (the CLI runs it): no routes or hooks. */
export const demoSeedDomain: Domain = { name: "demo/seed" };
