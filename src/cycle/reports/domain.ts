import type { Domain } from "../../kernel/domains/descriptor.ts";
import {
  consultationListing,
  consultationRegisterPath,
  livedExperienceSource,
  publishedAssessments,
  reportReviewFeedback,
} from "./extension-points.ts";
import { reportPaths } from "./paths.ts";
import { registerPublicRoutes } from "./public-routes.ts";
import { registerReportRoutes } from "./report-routes.ts";

/** Annual reports drafted from recorded work, sign-off, publication, and the public /published pages. */
export const reportsDomain: Domain = {
  name: "cycle/reports",
  routes: (app, context) => {
    registerReportRoutes(app, context, {
      reviewFeedback: context.extensions.optional(reportReviewFeedback),
      livedExperience: context.extensions.optional(livedExperienceSource),
      links: { consultation: context.extensions.optional(consultationRegisterPath) },
    });
    registerPublicRoutes(app, context, {
      publishedAssessments: context.extensions.optional(publishedAssessments),
      consultations: context.extensions.optional(consultationListing),
    });
  },
  partnershipNavigation: [{ text: "Reports", href: reportPaths.list, group: "reporting", order: 130 }],
};
