import type { FastifyInstance } from "fastify";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { SESSION_COOKIE, sessionCookieOptions } from "../../kernel/http/server.ts";
import { MFA_COOKIE, mfaCookieOptions, secondStepPath } from "./mfa-routes.ts";
import { safeReturnTo, signInForm } from "./schemas.ts";
import { signIn, signOut } from "./sign-in-service.ts";

export function registerSignInRoutes(app: FastifyInstance, context: AppContext): void {
  const { config, db } = context;

  app.get<{ Querystring: { returnTo?: string } }>("/sign-in", async (request, reply) => {
    if (request.actor) return reply.redirect("/dashboard", 303);
    const returnTo = typeof request.query.returnTo === "string" ? safeReturnTo(request.query.returnTo) : undefined;
    return reply.view("access/views/sign-in.njk", {
      title: "Sign in",
      values: { returnTo },
      oidcLabel: config.oidc?.label,
    });
  });

  app.post("/sign-in", async (request, reply) => {
    const form = parseForm(signInForm, request.body);
    if (!form.ok) {
      return reply.code(400).view("access/views/sign-in.njk", {
        title: "Sign in",
        errors: form.errors,
        values: { ...form.values, password: "" },
        oidcLabel: config.oidc?.label,
      });
    }
    try {
      const result = await signIn(db, form.data.email, form.data.password, config.sessionIdleMinutes, {
        ip: request.ip,
        userAgent: request.headers["user-agent"],
        requestId: request.id,
        returnTo: safeReturnTo(form.data.returnTo),
      });
      if ("secondStep" in result) {
        // MFA (issue 11): a code or an enrolment first; the challenge lives server-side.
        reply.setCookie(MFA_COOKIE, result.secondStep.token, mfaCookieOptions(config));
        return reply.redirect(secondStepPath(result.secondStep.purpose), 303);
      }
      reply.setCookie(SESSION_COOKIE, result.session, sessionCookieOptions(config));
      return reply.redirect(safeReturnTo(form.data.returnTo), 303);
    } catch (error) {
      if (error instanceof AppError && error.details.fieldErrors) {
        if (error.details.retryAfterSeconds) reply.header("retry-after", String(error.details.retryAfterSeconds));
        return reply.code(error.status).view("access/views/sign-in.njk", {
          title: "Sign in",
          errors: error.details.fieldErrors,
          values: { email: form.data.email, returnTo: form.data.returnTo },
          oidcLabel: config.oidc?.label,
        });
      }
      throw error;
    }
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
