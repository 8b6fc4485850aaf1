import type { FastifyInstance } from "fastify";
import { formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { SESSION_COOKIE, sessionCookieOptions } from "../../kernel/http/server.ts";
import { MFA_COOKIE, mfaCookieOptions, secondStepPath } from "./mfa-routes.ts";
import { accessPaths as paths } from "./paths.ts";
import { safeReturnTo, signInForm } from "./schemas.ts";
import { signIn, signOut } from "./sign-in-service.ts";

export function registerSignInRoutes(app: FastifyInstance, context: AppContext): void {
  const { config, db } = context;

  // The service counts the attempt (throttled per account and address: a RATE_LIMITED refusal is the
  // form again with 429 and Retry-After) and makes a new session: the cookie is set here, never reused.
  formRoute(app, {
    path: paths.signIn,
    needs: { public: true },
    once: false,
    secret: ["password"],
    instead: (ctx) => (ctx.request.method === "GET" && ctx.request.actor ? { redirect: "/dashboard" } : undefined),
    template: "access/views/sign-in.njk",
    view: () => ({ title: "Sign in", oidcLabel: config.oidc?.label }),
    initial: (ctx) => {
      const asked = (ctx.request.query as { returnTo?: unknown } | undefined)?.returnTo;
      return { returnTo: typeof asked === "string" ? safeReturnTo(asked) : undefined };
    },
    schema: signInForm,
    save: async (ctx, data) => {
      const { request, reply } = ctx;
      const result = await signIn(db, data.email, data.password, config.sessionIdleMinutes, {
        ip: request.ip,
        userAgent: request.headers["user-agent"],
        requestId: request.id,
        returnTo: safeReturnTo(data.returnTo),
      });
      if ("secondStep" in result) {
        // MFA (issue 11): a code or an enrolment first; the challenge lives server-side.
        reply.setCookie(MFA_COOKIE, result.secondStep.token, mfaCookieOptions(config));
        return secondStepPath(result.secondStep.purpose);
      }
      reply.setCookie(SESSION_COOKIE, result.session, sessionCookieOptions(config));
      return safeReturnTo(data.returnTo);
    },
  });

  app.post("/sign-out", async (request, reply) => {
    if (request.sessionToken) await signOut(db, request.sessionToken, request.auditContext());
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.redirect("/signed-out", 303);
  });

  app.get("/signed-out", async (_request, reply) =>
    reply.view("access/views/signed-out.njk", { title: "You have signed out" }),
  );
}
