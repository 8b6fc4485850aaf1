import type { FastifyInstance } from "fastify";
import { formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { SESSION_COOKIE, sessionCookieOptions } from "../../kernel/http/server.ts";
import { acceptInvitation, checkInvitation, type InvitationProblem, InvitationUnusable } from "./invitation-service.ts";
import { MFA_COOKIE, mfaCookieOptions, secondStepPath } from "./mfa-routes.ts";
import { accessPaths as paths } from "./paths.ts";
import { newPasswordForm } from "./schemas.ts";

const problemStatus: Record<InvitationProblem, number> = {
  unknown: 404,
  expired: 410,
  used: 410,
  disabled: 410,
  sso: 409,
};

export function registerInvitationRoutes(app: FastifyInstance, { db, config }: AppContext): void {
  const unusable = (problem: InvitationProblem) => ({
    status: problemStatus[problem],
    template: "access/views/invitation-unusable.njk",
    view: {
      title: problem === "sso" ? "Sign in with your organisation account" : "This invitation link cannot be used",
      problem,
      oidcLabel: config.oidc?.label,
      values: {},
    },
  });

  formRoute(app, {
    path: paths.invitationLink,
    needs: { public: true },
    once: false,
    secret: ["password", "confirmPassword"],
    // The token is a credential in the path: keep these requests out of the info-level access log.
    routeOptions: { logLevel: "warn" },
    // A malformed token is parsed as "" (paths.ts): an unknown link, said on the link's own page.
    load: async (ctx) =>
      ctx.params.token ? checkInvitation(db, ctx.params.token) : ({ ok: false, problem: "unknown" } as const),
    instead: (ctx) => (ctx.record.ok ? undefined : unusable(ctx.record.problem)),
    template: "access/views/invitation.njk",
    view: (ctx) => ({ title: "Set your password", person: ctx.record, token: ctx.params.token }),
    schema: newPasswordForm,
    save: async (ctx, data) => {
      const { request, reply } = ctx;
      try {
        const result = await acceptInvitation(db, ctx.params.token, data.password, {
          ip: request.ip,
          userAgent: request.headers["user-agent"],
          requestId: request.id,
          idleMinutes: config.sessionIdleMinutes,
        });
        if ("secondStep" in result) {
          reply.setCookie(MFA_COOKIE, result.secondStep.token, mfaCookieOptions(config));
          return secondStepPath(result.secondStep.purpose);
        }
        reply.setCookie(SESSION_COOKIE, result.session, sessionCookieOptions(config));
        return "/dashboard";
      } catch (error) {
        if (error instanceof InvitationUnusable) return unusable(error.problem);
        throw error;
      }
    },
  });
}
