import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Actor } from "../../kernel/auth/policy.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { sendCsv } from "../../kernel/http/csv.ts";
import { endpoints } from "./endpoints.ts";
import { OPENAPI_PATH, openApiDocument } from "./openapi.ts";
import { BASE, JsonBody } from "./present.ts";
import { type BearerCaller, callerFromBearer } from "./token-service.ts";

export interface ApiDeps {
  /** From the access domain (through app.ts): the user behind a token, null if not active. */
  loadActor: (userId: string) => Promise<Actor | null>;
}

/** Query strings: every problem named by its parameter, unknown parameters included (typos). */
export function parseQuery<S extends z.ZodObject>(schema: S, query: unknown): z.output<S> {
  const result = schema.safeParse(query ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ field: key, message: "is not a parameter of this endpoint" }))
      : [{ field: issue.path.map(String).join(".") || "query", message: issue.message }],
  );
  throw AppError.validation(fields, `The query string is not valid: ${fields.map((f) => f.field).join(", ")}`);
}

/** JSON errors only, never HTML and never a stack trace. */
function sendError(request: FastifyRequest, reply: FastifyReply, error: FastifyError | AppError) {
  let appError: AppError;
  if (error instanceof AppError) appError = error;
  else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    appError = new AppError("BAD_REQUEST", "The request could not be read");
  else {
    request.log.error({ err: error }, "unhandled API error");
    appError = new AppError("INTERNAL", "Sorry, there is a problem with the service");
  }
  if (appError.code === "UNAUTHENTICATED") reply.header("www-authenticate", 'Bearer realm="api"');
  return reply
    .code(appError.status)
    .header("cache-control", "no-store")
    .send({ error: { code: appError.code, message: appError.message, fields: appError.details.fieldErrors ?? [] } });
}

/**
 * CSV when the Accept header prefers text/csv to JSON (by q-value; on a tie, the one listed
 * first). No header, or only JSON or wildcards, gives JSON.
 */
export function wantsCsv(accept: string | undefined): boolean {
  let csv = { q: 0, at: Number.POSITIVE_INFINITY };
  let json = { q: 0, at: Number.POSITIVE_INFINITY };
  (accept ?? "").split(",").forEach((part, at) => {
    const [type = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) return;
    if (type.trim() === "text/csv" && q > csv.q) csv = { q, at };
    if (["application/json", "application/*", "*/*"].includes(type.trim()) && q > json.q) json = { q, at };
  });
  return csv.q > json.q || (csv.q > 0 && csv.q === json.q && csv.at < json.at);
}

/**
 * The caller behind a request's Authorization header, verified once per request: the rate
 * limit's key and the handler both need it. Rejections are kept for the handler to report.
 */
const verified = new WeakMap<FastifyRequest, Promise<BearerCaller | null>>();

function bearerCaller(db: Executor, request: FastifyRequest, loadActor: ApiDeps["loadActor"]) {
  let caller = verified.get(request);
  if (!caller) {
    caller = callerFromBearer(db, request.headers.authorization, loadActor);
    caller.catch(() => undefined);
    verified.set(request, caller);
  }
  return caller;
}

/**
 * Rate-limit key: a verified token (hashed, never kept in clear), else the caller's address, so
 * a made-up or revoked token is counted against the address it comes from, not a bucket of its own.
 */
async function callerKey(db: Executor, request: FastifyRequest, loadActor: ApiDeps["loadActor"]): Promise<string> {
  const caller = await bearerCaller(db, request, loadActor).catch(() => null);
  return caller ? `token:${caller.tokenHash}` : `ip:${request.ip}`;
}

/**
 * Every API route: bearer tokens, not cookies, authenticate here, so there is no CSRF to check
 * and a browser's session cookie sent along is not looked up (one statement less per request).
 */
const BEARER_ONLY = { csrf: false, session: false };

/**
 * A body as JSON: a cached answer (the area profile, kept per data version) was written and
 * encoded once, when it was built (JsonBody), and is sent as those bytes on every hit.
 */
function jsonOf(body: object): Buffer | string {
  return body instanceof JsonBody ? body.bytes : JSON.stringify(body);
}

export function registerApiRoutes(app: FastifyInstance, { db, config }: AppContext, deps: ApiDeps): void {
  app.register(
    async (api) => {
      api.setErrorHandler((error: FastifyError | AppError, request, reply) => sendError(request, reply, error));
      api.setNotFoundHandler((request, reply) =>
        sendError(request, reply, AppError.notFound("No such API endpoint: see /api/v1/openapi.json")),
      );
      await api.register(fastifyRateLimit, {
        max: config.apiRateLimitPerMinute,
        timeWindow: "1 minute",
        keyGenerator: (request) => callerKey(db, request, deps.loadActor),
        errorResponseBuilder: (_request, context) =>
          new AppError(
            "RATE_LIMITED",
            `Too many requests: at most ${context.max} a minute. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
          ),
      });
      // Open data for other sites' dashboards: any origin may read; a token goes in the Authorization header, never a cookie.
      api.addHook("onSend", async (_request, reply, payload) => {
        reply.header("access-control-allow-origin", "*");
        reply.header(
          "access-control-expose-headers",
          "Link, Content-Disposition, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset",
        );
        return payload;
      });
      api.options("/*", { config: BEARER_ONLY }, async (_request, reply) =>
        reply
          .code(204)
          .header("access-control-allow-methods", "GET, OPTIONS")
          .header("access-control-allow-headers", "Authorization, Accept")
          .header("access-control-max-age", "600")
          .send(),
      );
      // Read-only: anything but GET is refused as such, not as a missing CSRF token.
      api.route({
        method: ["POST", "PUT", "PATCH", "DELETE"],
        url: "/*",
        config: BEARER_ONLY,
        handler: async (_request, reply) => {
          reply.header("allow", "GET, OPTIONS");
          throw new AppError("METHOD_NOT_ALLOWED", "The API is read-only: use GET");
        },
      });

      for (const endpoint of endpoints) {
        api.get(endpoint.path.slice(BASE.length), { config: BEARER_ONLY }, async (request, reply) => {
          // Each endpoint's parameters have the schema its OpenAPI description is made from.
          const parsed = endpoint.params ? endpoint.params.safeParse(request.params) : { success: true, data: {} };
          if (!parsed.success) throw AppError.notFound();
          const params = parsed.data;
          const query = parseQuery(endpoint.query, request.query);
          const caller = await bearerCaller(db, request, deps.loadActor);
          const actor = caller?.actor ?? null;
          // With a token, the versions were read with it: the handler's cached reads use them.
          const versions = caller?.versions;
          const body = await endpoint.handle({ db, actor, versions, params: params as Record<string, string>, query });
          reply.header("vary", "Authorization, Accept");
          reply.header("cache-control", actor ? "private, no-store" : "public, max-age=60");
          if (wantsCsv(request.headers.accept)) {
            const table = endpoint.csv(body as never);
            return sendCsv(reply, table.fileName, table.header, table.rows, {
              cache: actor ? "private, no-store" : "public, max-age=60",
            });
          }
          return reply.type("application/json; charset=utf-8").send(jsonOf(body as object));
        });
      }

      api.get(OPENAPI_PATH.slice(BASE.length), { config: BEARER_ONLY }, async (_request, reply) =>
        reply.header("cache-control", "public, max-age=300").send(openApiDocument()),
      );
    },
    { prefix: BASE },
  );
}
