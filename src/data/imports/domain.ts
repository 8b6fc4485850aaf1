import type { Domain } from "../../kernel/domains/descriptor.ts";
import { importPaths } from "./paths.ts";
import { registerGeographyRoutes } from "./geography-routes.ts";
import { registerUploadRoutes } from "./upload-routes.ts";
import { registerJobRoutes } from "./job-routes.ts";
import { registerReleaseRoutes } from "./release-routes.ts";

/** Reading official and local data files into the indicator store. */
export const importsDomain: Domain = {
  name: "data/imports",
  routes: (app, context) => {
    registerUploadRoutes(app, context);
    registerJobRoutes(app, context);
    registerReleaseRoutes(app, context);
    registerGeographyRoutes(app, context);
  },
  navigation: [{ text: "Geography", href: importPaths.geography(), order: 55, show: "admin:manage-geography" }],
  partnershipNavigation: [
    { text: "Import data", href: importPaths.upload, group: "evidence", order: 70, show: "partnership:edit" },
  ],
};
