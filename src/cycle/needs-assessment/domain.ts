import type { Domain } from "../../kernel/domains/descriptor.ts";
import { publishedAssessments } from "../reports/index.ts";
import { evidenceChoiceSource } from "../strategy/index.ts";
import { evidenceChoices } from "./evidence-choices.ts";
import { registerNeedsRoutes } from "./needs-routes.ts";
import { needsAssessmentPaths } from "./paths.ts";
import { registerPublicationRoutes } from "./publication-routes.ts";
import { listLatestPublications } from "./repository.ts";

/** The needs assessment: sections, panels, findings, publications, exports, disclosure control. */
export const needsAssessmentDomain: Domain = {
  name: "cycle/needs-assessment",
  routes: (app, context) => {
    registerNeedsRoutes(app, context);
    registerPublicationRoutes(app, context);
  },
  partnershipNavigation: [
    { text: "Needs assessment", href: needsAssessmentPaths.assessment, group: "evidence", order: 80 },
  ],
  provides: [evidenceChoiceSource.provide(evidenceChoices), publishedAssessments.provide(listLatestPublications)],
};
