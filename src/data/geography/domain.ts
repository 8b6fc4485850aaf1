import type { Domain } from "../../kernel/domains/descriptor.ts";

/** Geography is read by the data domains above it: no routes, navigation or hooks of its own. */
export const geographyDomain: Domain = { name: "data/geography" };
