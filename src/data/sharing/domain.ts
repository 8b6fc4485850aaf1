import type { Domain } from "../../kernel/domains/descriptor.ts";
import { attentionItems } from "../../workspace/attention/index.ts";
import { registerAgreementPartsRoutes } from "./agreement-parts-routes.ts";
import { registerAgreementRoutes } from "./agreement-routes.ts";
import { agreementReviewsDue } from "./attention.ts";
import { registerNationalSharingRoutes } from "./national-routes.ts";
import { sharingPaths } from "./paths.ts";
import { registerTemplateRoutes } from "./template-routes.ts";

/**
 * Data-sharing agreements per partnership, their risk under the nation's versioned principles,
 * and the nation's library of agreement templates (issue 15).
 */
export const sharingDomain: Domain = {
  name: "data/sharing",
  routes: (app, context) => {
    registerAgreementRoutes(app, context);
    registerAgreementPartsRoutes(app, context);
    registerTemplateRoutes(app, context);
    registerNationalSharingRoutes(app, context);
  },
  partnershipNavigation: [{ text: "Data sharing", href: sharingPaths.list, group: "partnership", order: 25 }],
  provides: [attentionItems.provide(agreementReviewsDue)],
};
