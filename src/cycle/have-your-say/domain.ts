import type { Domain } from "../../kernel/domains/descriptor.ts";
import { registerPublicRoutes } from "./public-routes.ts";

/** Have your say: the public survey runner and "you said, we did" pages (no sign-in). */
export const haveYourSayDomain: Domain = {
  name: "cycle/have-your-say",
  routes: registerPublicRoutes,
};
