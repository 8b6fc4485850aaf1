import type { Domain } from "../../kernel/domains/descriptor.ts";
import { registerPdfJobRoutes } from "./job-routes.ts";

/** A library for the domains above it: no navigation or hooks; its routes are the PDF job's pages. */
export const documentsDomain: Domain = { name: "lib/documents", routes: registerPdfJobRoutes };
