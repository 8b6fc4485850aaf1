import type { Actor } from "../auth/policy.ts";
import type { AuditContext } from "../audit/audit.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    /** Who is acting, for audit entries written by services. */
    auditContext(): AuditContext;
  }
  interface FastifyReply {
    /** Renders a Nunjucks template with the layout's context (actor, CSRF token, nav). */
    view(template: string, context?: Record<string, unknown>): FastifyReply;
  }
  interface FastifyContextConfig {
    /** Set false only for routes authenticated by bearer token instead of a cookie. */
    csrf?: boolean;
    /** For upload routes: the file size limit in words ("100 MB"), named when a file is over it. */
    uploadLimit?: string;
    /** Used by the metrics label; defaults to the route pattern. */
    metricsName?: string;
  }
}
