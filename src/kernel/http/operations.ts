import type { FastifyInstance } from "fastify";
import type { Registry } from "prom-client";
import type { Database } from "../db/database.ts";

export interface Lifecycle {
  shuttingDown: boolean;
}

/** Liveness, readiness (database reachable, not draining) and Prometheus metrics. */
export function registerOperationsRoutes(
  app: FastifyInstance,
  deps: { database: Database; registry: Registry; lifecycle: Lifecycle },
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
  app.get("/metrics", async (_request, reply) => {
    reply.type(deps.registry.contentType);
    return deps.registry.metrics();
  });
}
