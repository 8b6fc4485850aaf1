import type { FastifyInstance, FastifyServerOptions } from "fastify";
import type { Actor } from "./kernel/auth/policy.ts";
import type { Config } from "./kernel/config/config.ts";
import type { Database } from "./kernel/db/database.ts";
import type { AppContext } from "./kernel/http/context.ts";
import type { Lifecycle } from "./kernel/http/operations.ts";
import { createServer, type NavItem } from "./kernel/http/server.ts";
import { loadActor, registerSignInRoutes } from "./domains/access/index.ts";
import { registerUploadRoutes } from "./domains/imports/index.ts";
import { registerCatalogueRoutes } from "./domains/indicators/index.ts";
import { registerSiteRoutes } from "./domains/site/index.ts";

/** Service navigation: only what the person can use. */
function navigation(actor: Actor | null): NavItem[] {
  if (!actor) return [{ href: "/", text: "Home" }];
  const items: NavItem[] = [{ href: "/dashboard", text: "Your partnerships" }];
  if (actor.isPlatformAdmin) {
    items.push({ href: "/admin/users", text: "Users" });
    items.push({ href: "/admin/organisations", text: "Organisations" });
    items.push({ href: "/audit", text: "Audit log" });
  }
  return items;
}

/** The composition root: the kernel's server plus every domain's routes. */
export async function buildApp(options: {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions["logger"];
}): Promise<{ app: FastifyInstance; lifecycle: Lifecycle; context: AppContext }> {
  const { config, database } = options;
  const { app, lifecycle } = await createServer({
    config,
    database,
    loadActor: (userId) => loadActor(database.db, userId),
    navigation,
    logger: options.logger,
  });
  const context: AppContext = { config, database, db: database.db };
  registerSiteRoutes(app, context);
  registerSignInRoutes(app, context);
  registerUploadRoutes(app, context);
  registerCatalogueRoutes(app, context);
  await app.ready();
  return { app, lifecycle, context };
}
