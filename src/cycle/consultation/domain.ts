import type { Domain } from "../../kernel/domains/descriptor.ts";
import { consultationVoices } from "../needs-assessment/index.ts";
import { consultationListing, consultationRegisterPath, livedExperienceSource } from "../reports/index.ts";
import { registerCodingRoutes } from "./coding-routes.ts";
import { consultationListingOf, livedExperienceOf, voicesOf } from "./hooks.ts";
import { consultationPaths } from "./paths.ts";
import { registerRegisterRoutes } from "./register-routes.ts";
import { registerSurveyRoutes } from "./survey-routes.ts";

/** Consultation: the engagement register, online surveys, analysis, coding and "you said, we did". */
export const consultationDomain: Domain = {
  name: "cycle/consultation",
  routes: (app, context) => {
    registerRegisterRoutes(app, context);
    registerSurveyRoutes(app, context);
    registerCodingRoutes(app, context);
  },
  partnershipNavigation: [{ text: "Consultation", href: consultationPaths.register, group: "evidence", order: 85 }],
  provides: [
    consultationVoices.provide(voicesOf),
    livedExperienceSource.provide(livedExperienceOf),
    consultationListing.provide(consultationListingOf),
    consultationRegisterPath.provide(consultationPaths.register),
  ],
};
