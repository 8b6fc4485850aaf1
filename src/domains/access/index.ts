export { coordinatorNations, invitations, partnershipRoles, users } from "./tables.ts";
export { loadActor } from "./repository.ts";
export { registerSignInRoutes } from "./sign-in-routes.ts";
