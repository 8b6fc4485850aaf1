import type { Domain } from "../../kernel/domains/descriptor.ts";
import { actorLoader, sessionActorLoader } from "../../kernel/domains/kernel-points.ts";
import { partnershipPeople } from "../partnerships/index.ts";
import { registerInvitationRoutes } from "./invitation-routes.ts";
import { registerOidcPolicyRoutes } from "./oidc-policy-routes.ts";
import { registerOidcRoutes } from "./oidc-routes.ts";
import { registerMfaAccountRoutes } from "./mfa-account-routes.ts";
import { ACCOUNT_SECURITY, registerMfaRoutes } from "./mfa-routes.ts";
import { registerPasswordResetRoutes } from "./password-reset-routes.ts";
import { registerPeopleRoutes } from "./people-routes.ts";
import { loadActor, loadSessionActor } from "./actor-loader.ts";
import { listPeopleInPartnership } from "./repository.ts";
import { registerSignInRoutes } from "./sign-in-routes.ts";
import { registerUserAdminRoutes } from "./user-admin-routes.ts";
import { registerUserDetailRoutes } from "./user-detail-routes.ts";

/** People, sign-in, roles and invitations. */
export const accessDomain: Domain = {
  name: "workspace/access",
  routes: (app, context) => {
    registerSignInRoutes(app, context);
    registerInvitationRoutes(app, context);
    registerUserAdminRoutes(app, context);
    registerUserDetailRoutes(app, context);
    registerPeopleRoutes(app, context);
    // Single sign-on (OpenID Connect).
    registerOidcRoutes(app, context);
    registerOidcPolicyRoutes(app, context);
    registerMfaRoutes(app, context);
    registerMfaAccountRoutes(app, context);
    registerPasswordResetRoutes(app, context);
  },
  navigation: [
    { text: "Users", href: "/admin/users", order: 40, show: "admin:manage-users" },
    { text: "Account security", href: ACCOUNT_SECURITY, order: 90, show: (actor) => actor !== null },
  ],
  provides: [
    actorLoader.provide(loadActor),
    sessionActorLoader.provide(loadSessionActor),
    partnershipPeople.provide(listPeopleInPartnership),
  ],
};
