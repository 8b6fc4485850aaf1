import type { Domain } from "../../kernel/domains/descriptor.ts";

/** A library for the domains above it: no routes, navigation or hooks of its own. */
export const documentsDomain: Domain = { name: "lib/documents" };
