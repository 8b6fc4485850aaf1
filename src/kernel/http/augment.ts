import type { Executor } from "../db/database.ts";
import type { Actor } from "../auth/policy.ts";
import type { AuditContext } from "../audit/audit.ts";
import type { LoadedPartnership } from "./pipeline.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    /**
     * The partnership at :id, loaded and authorized by `needs(path, { partnership })`
     * (src/kernel/http/pipeline.ts). Reading it on a route without that need throws.
     */
    partnership: LoadedPartnership;
    /** Who is acting, for audit entries written by services. */
    auditContext(): AuditContext;
  }
  interface FastifyReply {
    /** Renders a Nunjucks template with the layout's context (actor, CSRF token, nav, flash). */
    view(template: string, context?: Record<string, unknown>): FastifyReply;
    /** A one-off message shown by the layout on the next page (after the redirect). */
    flash(message: string): FastifyReply;
  }
  interface FastifyInstance {
    /** Finds a partnership by id for the pipeline; supplied by the partnerships domain at composition. */
    loadPartnership(id: string): Promise<LoadedPartnership | undefined>;
    /** The database the kernel's form routes claim one-time form tokens in (kernel/forms/once.ts). */
    formsDb: Executor;
  }
  interface FastifyContextConfig {
    /** Set false only for routes authenticated by bearer token instead of a cookie. */
    csrf?: boolean;
    /**
     * Set false for routes that never read a cookie session (the API: bearer tokens only), so a
     * browser's session cookie sent along costs no session lookup.
     */
    session?: boolean;
    /** For upload routes: the file size limit in words ("100 MB"), named when a file is over it. */
    uploadLimit?: string;
    /**
     * Pages for people who may be at risk (public consultations): the layout shows GOV.UK's
     * "Exit this page", on error pages of the route too.
     */
    exitThisPage?: boolean;
    /** Used by the metrics label; defaults to the route pattern. */
    metricsName?: string;
  }
}
