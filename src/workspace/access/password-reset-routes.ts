import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { newPasswordProblem } from "../../kernel/auth/password-strength.ts";
import { waitText } from "../../kernel/auth/throttle.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { baseUrl } from "./invitation-page.ts";
import {
  completePasswordReset,
  findResetLink,
  RESET_MINUTES,
  requestPasswordReset,
  type ResetLink,
} from "./password-reset-service.ts";
import { accessPaths as paths } from "./paths.ts";
import { emailField, newPasswordForm } from "./schemas.ts";

const forgottenForm = z.object({ email: emailField });

const unusable: Record<Exclude<ResetLink["state"], "usable">, { title: string; text: string; status: number }> = {
  used: {
    title: "This link has already been used",
    text: "Each password reset link works once. If you still need to reset your password, ask for a new link.",
    status: 410,
  },
  expired: {
    title: "This link has expired",
    text: `Password reset links work for ${RESET_MINUTES} minutes. Ask for a new link.`,
    status: 410,
  },
  unknown: {
    title: "This link is not valid",
    text: "Check you copied the whole link from the email, or ask for a new one.",
    status: 404,
  },
};

/** The page of a link that cannot be used (used, expired, unknown), with its status. */
const unusablePage = (link: Exclude<ResetLink, { state: "usable" }>) => {
  const page = unusable[link.state];
  return { status: page.status, template: "access/views/password-reset-unusable.njk", view: page };
};

export function registerPasswordResetRoutes(app: FastifyInstance, { db, config }: AppContext): void {
  // Every answer is the same whether or not the address has an account (no enumeration); the
  // email goes after the response, so its time is not in the answer either.
  formRoute(app, {
    path: paths.forgottenPassword,
    needs: { public: true },
    once: false,
    template: "access/views/password-forgotten.njk",
    view: () => ({ title: "Reset your password", mailConfigured: Boolean(config.mail) }),
    schema: forgottenForm,
    save: async (ctx, data) => {
      const { request } = ctx;
      const forgotten = {
        template: "access/views/password-forgotten.njk",
        view: { title: "Reset your password", mailConfigured: Boolean(config.mail), values: {} },
      };
      if (!config.mail) return forgotten;
      const result = await requestPasswordReset(db, config, data.email, baseUrl(config, request), {
        ...request.auditContext(),
        ip: request.ip,
      });
      if (result.kind === "throttled") {
        const message = `There have been too many requests. Wait ${waitText(result.retryAfterSeconds)} and try again`;
        throw new AppError("RATE_LIMITED", message, {
          fieldErrors: [{ field: "email", message }],
          retryAfterSeconds: result.retryAfterSeconds,
        });
      }
      // A failure is audited and logged.
      if (result.deliver) {
        const deliver = result.deliver;
        setImmediate(() => {
          deliver().catch((error: unknown) => request.log.warn({ err: error }, "password reset email failed"));
        });
      }
      return {
        template: "access/views/password-forgotten-sent.njk",
        view: { title: "Check your email", minutes: RESET_MINUTES },
      };
    },
  });

  formRoute(app, {
    path: paths.resetLink,
    needs: { public: true },
    once: false,
    secret: ["password", "confirmPassword"],
    // The token is a credential in the path: keep these requests out of the info-level access log.
    routeOptions: { logLevel: "warn" },
    load: (ctx) => findResetLink(db, ctx.params.token),
    instead: (ctx) => (ctx.record.state === "usable" ? undefined : unusablePage(ctx.record)),
    template: "access/views/password-reset.njk",
    view: () => ({ title: "Choose a new password" }),
    schema: newPasswordForm,
    save: async (ctx, data) => {
      const link = ctx.record;
      if (link.state !== "usable") return unusablePage(link);
      const problem = newPasswordProblem(data.password, link.email);
      if (problem) throw AppError.validation([{ field: "password", message: problem }]);
      const done = await completePasswordReset(db, link, data.password, {
        requestId: ctx.request.id,
        ip: ctx.request.ip,
      });
      if (!done) {
        // Used or expired while the form was open.
        const now = await findResetLink(db, ctx.params.token);
        if (now.state !== "usable") return unusablePage(now);
        return { template: "access/views/password-reset.njk", view: { title: "Choose a new password" } };
      }
      return {
        redirect: paths.signIn(),
        flash:
          "Your password has been changed and you have been signed out everywhere. Sign in with your new password.",
      };
    },
  });
}
