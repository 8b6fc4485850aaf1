import type { Domain } from "../../kernel/domains/descriptor.ts";
import { importPaths } from "./paths.ts";
import { registerUploadRoutes } from "./upload-routes.ts";

/** Reading official and local data files into the indicator store. */
export const importsDomain: Domain = {
  name: "data/imports",
  routes: registerUploadRoutes,
  partnershipNavigation: [{ text: "Import data", href: importPaths.upload, order: 70, show: "partnership:edit" }],
};
