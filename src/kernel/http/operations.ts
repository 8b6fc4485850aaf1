import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Registry } from "prom-client";
import type { Database } from "../db/database.ts";

export interface Lifecycle {
  shuttingDown: boolean;
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** True when the request carries `Authorization: Bearer <token>` (compared in constant time). */
export function hasBearer(request: FastifyRequest, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? "")?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

/**
 * Liveness, readiness (database reachable, not draining) and Prometheus metrics. Metrics say
 * which routes exist and how busy the service is, so on the app's port they answer only with
 * METRICS_TOKEN as a bearer token; without one they are served on METRICS_PORT (see
 * metrics-server.ts) or not at all.
 */
export function registerOperationsRoutes(
  app: FastifyInstance,
  deps: { database: Database; registry: Registry; lifecycle: Lifecycle; metricsToken?: string | undefined },
): void {
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    if (deps.lifecycle.shuttingDown) return reply.code(503).send({ status: "shutting-down" });
    try {
      await deps.database.ping();
      return { status: "ready", database: deps.database.kind };
    } catch {
      return reply.code(503).send({ status: "database-unavailable" });
    }
  });
  const token = deps.metricsToken;
  if (!token) return;
  app.get("/metrics", async (request, reply) => {
    if (!hasBearer(request, token)) {
      return reply
        .code(401)
        .header("www-authenticate", 'Bearer realm="metrics"')
        .send({ error: { code: "UNAUTHENTICATED", message: "Send the metrics token as a bearer token" } });
    }
    reply.header("cache-control", "no-store").type(deps.registry.contentType);
    return deps.registry.metrics();
  });
}
