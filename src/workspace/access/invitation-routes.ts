import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../kernel/http/context.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { SESSION_COOKIE, sessionCookieOptions } from "../../kernel/http/server.ts";
import { acceptInvitation, checkInvitation, type InvitationProblem, InvitationUnusable } from "./invitation-service.ts";
import { MFA_COOKIE, mfaCookieOptions, secondStepPath } from "./mfa-routes.ts";
import { newPasswordForm } from "./schemas.ts";

type Params = { Params: { token: string } };

// Tokens are 32 random bytes in base64url; anything else cannot be one of ours.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

const problemStatus: Record<InvitationProblem, number> = {
  unknown: 404,
  expired: 410,
  used: 410,
  disabled: 410,
  sso: 409,
};

export function registerInvitationRoutes(app: FastifyInstance, { db, config }: AppContext): void {
  const unusable = (reply: import("fastify").FastifyReply, problem: InvitationProblem) =>
    reply.code(problemStatus[problem]).view("access/views/invitation-unusable.njk", {
      title: problem === "sso" ? "Sign in with your organisation account" : "This invitation link cannot be used",
      problem,
      oidcLabel: config.oidc?.label,
      values: {},
    });

  // The token is a credential in the path: keep these requests out of the info-level access log.
  const options = { logLevel: "warn" as const };

  app.get<Params>("/invitations/:token", options, async (request, reply) => {
    const token = request.params.token;
    const state = TOKEN_SHAPE.test(token)
      ? await checkInvitation(db, token)
      : ({ ok: false, problem: "unknown" } as const);
    if (!state.ok) return unusable(reply, state.problem);
    return reply.view("access/views/invitation.njk", { title: "Set your password", person: state, token, values: {} });
  });

  app.post<Params>("/invitations/:token", options, async (request, reply) => {
    const token = request.params.token;
    const state = TOKEN_SHAPE.test(token)
      ? await checkInvitation(db, token)
      : ({ ok: false, problem: "unknown" } as const);
    if (!state.ok) return unusable(reply, state.problem);
    const form = parseForm(newPasswordForm, request.body);
    if (!form.ok) {
      return reply.code(400).view("access/views/invitation.njk", {
        title: "Set your password",
        person: state,
        token,
        errors: form.errors,
        values: {},
      });
    }
    try {
      const result = await acceptInvitation(db, token, form.data.password, {
        ip: request.ip,
        userAgent: request.headers["user-agent"],
        requestId: request.id,
        idleMinutes: config.sessionIdleMinutes,
      });
      if ("secondStep" in result) {
        reply.setCookie(MFA_COOKIE, result.secondStep.token, mfaCookieOptions(config));
        return reply.redirect(secondStepPath(result.secondStep.purpose), 303);
      }
      reply.setCookie(SESSION_COOKIE, result.session, sessionCookieOptions(config));
      return reply.redirect("/dashboard", 303);
    } catch (error) {
      if (error instanceof InvitationUnusable) return unusable(reply, error.problem);
      throw error;
    }
  });
}
