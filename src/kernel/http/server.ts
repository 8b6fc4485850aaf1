import { randomUUID } from "node:crypto";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyFormbody from "@fastify/formbody";
import fastifyHelmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import type { Registry } from "prom-client";
import "./augment.ts";
import type { Actor, Nation, PartnershipTarget } from "../auth/policy.ts";
import { hashToken, touchSession } from "../auth/sessions.ts";
import type { Config } from "../config/config.ts";
import type { Database } from "../db/database.ts";
import { AppError } from "../errors/app-error.ts";
import { registerErrorHandling } from "../errors/error-handler.ts";
import type { SessionActor } from "../domains/kernel-points.ts";
import { type NavItem, type PartnershipNavItem, partnershipSections } from "../domains/navigation.ts";
import { createViewEnvironment, viewRoots } from "../views/environment.ts";
import { issueCsrfToken, verifyCsrf } from "./csrf.ts";
import { setFlash, takeFlash } from "./flash.ts";
import {
  type LoadedPartnership,
  loadedPartnership,
  type PartnershipLoader,
  partnershipDecoration,
} from "./pipeline.ts";
import { registerInputGuard } from "./input-guard.ts";
import { registerMetrics } from "./metrics.ts";
import { type Lifecycle, registerOperationsRoutes } from "./operations.ts";
import { publicDir } from "./assets.ts";

export const SESSION_COOKIE = "cpah_session";
export const SERVICE_NAME = "Child Poverty Action Hub";

export type { NavItem } from "../domains/navigation.ts";

export interface ServerDeps {
  config: Config;
  database: Database;
  /**
   * The person holding the live session with this token hash, with the session's last-seen time
   * (or null): supplied by the composition root, as the kernel knows nothing of users' tables.
   */
  loadSessionActor: (idHash: string) => Promise<SessionActor | null>;
  /** Finds the partnership at :id for the request pipeline (the partnerships domain's). */
  loadPartnership?: PartnershipLoader;
  navigation: (actor: Actor | null) => NavItem[];
  /** A partnership's section navigation (built from the domains' descriptors). */
  partnershipNavigation?: (actor: Actor | null, partnership: PartnershipTarget) => PartnershipNavItem[];
  logger?: FastifyServerOptions["logger"];
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const NO_SESSION_PREFIXES = ["/assets/", "/static/", "/healthz", "/readyz", "/metrics"];

export async function createServer(
  deps: ServerDeps,
): Promise<{ app: FastifyInstance; lifecycle: Lifecycle; metrics: Registry }> {
  const { config, database } = deps;
  const app = Fastify({
    logger: deps.logger ?? {
      level: config.logLevel,
      // Fastify's request serializer logs no headers today; this keeps credentials out if it ever does.
      redact: {
        paths: [
          "req.headers.cookie",
          "req.headers.authorization",
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
        ],
        censor: "[redacted]",
      },
    },
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: "idle",
    return503OnClosing: true,
  });
  const lifecycle: Lifecycle = { shuttingDown: false };
  const views = createViewEnvironment();

  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        // The single sign-on button posts to us and we redirect to the provider: browsers hold
        // that redirect to form-action too, so the provider's origin must be allowed.
        formAction: ["'self'", ...(config.oidc ? [new URL(config.oidc.issuer).origin] : [])],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // Not set: it would upgrade the demo's assets on http://localhost; HSTS covers TLS deployments.
        upgradeInsecureRequests: null,
      },
    },
    // The same answer as CSP's frame-ancestors 'none', for browsers that only read this header.
    xFrameOptions: { action: "deny" },
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "same-origin" },
  });
  // The secret signs the flash cookie (the session and CSRF tokens are checked on the server).
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody);
  await app.register(fastifyStatic, {
    root: path.join(viewRoots.govuk, "govuk", "assets"),
    prefix: "/assets/",
    maxAge: "1d",
  });
  await app.register(fastifyStatic, { root: publicDir, prefix: "/static/", decorateReply: false, maxAge: "1h" });

  app.decorateRequest("actor", null);
  app.decorateRequest("sessionToken", null);
  app.decorateRequest("partnership", partnershipDecoration);
  app.decorate("loadPartnership", deps.loadPartnership ?? (async () => undefined));
  // A getter: Fastify inspects a decorated value (its .getter and .setter), which would be a query
  // on a database stand-in; the forms' once-only tokens (kernel/forms/once.ts) read it on use.
  app.decorate("formsDb", { getter: () => database.db });
  app.decorateRequest("auditContext", function auditContext(this: import("fastify").FastifyRequest) {
    return {
      actorUserId: this.actor?.userId ?? null,
      actorLabel: this.actor?.email ?? "anonymous",
      requestId: this.id,
      ip: this.ip,
    };
  });

  app.addHook("onRequest", async (request) => {
    if (NO_SESSION_PREFIXES.some((prefix) => request.url.startsWith(prefix))) return;
    if (request.routeOptions.config?.session === false) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    // Every request: a session ended on any node (sign-out, a disabled person, a revoked role)
    // counts at once. The session and its person are one statement (the access domain's).
    const idHash = hashToken(token);
    const found = await deps.loadSessionActor(idHash);
    if (!found) return;
    await touchSession(database.db, idHash, found.lastSeenAt, config.sessionIdleMinutes);
    request.sessionToken = token;
    request.actor = found.actor;
  });

  // Only signed-in people upload files: refuse anyone else before the body is read (a 100 MB
  // upload would otherwise be received in full to be told 403), and close the connection so
  // the rest is not read either.
  app.addHook("onRequest", async (request, reply) => {
    if (request.actor || !UNSAFE_METHODS.has(request.method)) return;
    if (!/^multipart\//i.test(request.headers["content-type"] ?? "")) return;
    reply.header("connection", "close");
    throw AppError.forbidden("Sign in to upload a file");
  });

  registerInputGuard(app);

  app.addHook("preHandler", async (request) => {
    if (!UNSAFE_METHODS.has(request.method)) return;
    if (request.routeOptions.config.csrf === false) return;
    verifyCsrf(request, config.sessionSecret);
  });

  app.decorateReply("flash", function flash(this: import("fastify").FastifyReply, message: string) {
    setFlash(this, message, config.cookieSecure);
    return this;
  });

  app.decorateReply("view", function view(this: import("fastify").FastifyReply, template: string, context = {}) {
    const request = this.request;
    const given = context as Record<string, unknown>;
    const currentPath = request.url.split("?")[0]!;
    // A success message waits for the next page that renders normally (not an error or a form re-shown).
    const pending = this.statusCode < 300 ? takeFlash(request, this) : undefined;
    const partnership = (given.partnership as LoadedPartnership | undefined) ?? loadedPartnership(request) ?? undefined;
    const html = views.render(template, {
      serviceName: SERVICE_NAME,
      actor: request.actor,
      navigation: deps.navigation(request.actor),
      currentPath,
      csrfToken: issueCsrfToken(request, this, config.sessionSecret, config.cookieSecure),
      cspNonce: (this as unknown as { cspNonce?: { script: string } }).cspNonce?.script,
      partnership,
      partnershipNav: partnershipNav(request.actor, given.subnav ?? partnership, currentPath),
      exitThisPage: request.routeOptions?.config?.exitThisPage === true,
      ...given,
      flash: given.flash ?? pending,
    });
    this.header("cache-control", "no-store");
    return this.type("text/html; charset=utf-8").send(html);
  });

  /** The section navigation of the page's partnership (from `subnav` or the partnership shown). */
  function partnershipNav(actor: Actor | null, shown: unknown, currentPath: string) {
    if (!deps.partnershipNavigation || !shown || typeof shown !== "object") return undefined;
    const record = shown as {
      id?: string;
      name?: string;
      nation?: string;
      partnershipId?: string;
      partnershipName?: string;
    };
    const id = record.partnershipId ?? record.id;
    const name = record.partnershipName ?? record.name;
    if (!id || !name) return undefined;
    const items = deps.partnershipNavigation(actor, { partnershipId: id, nation: record.nation as Nation });
    return { name, ...partnershipSections(items, currentPath) };
  }

  registerErrorHandling(app);
  const registry = registerMetrics(app);
  registerOperationsRoutes(app, { database, registry, lifecycle, metricsToken: config.metricsToken });
  return { app, lifecycle, metrics: registry };
}

export function sessionCookieOptions(config: Config) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.cookieSecure,
    maxAge: config.sessionIdleMinutes * 60,
  };
}
