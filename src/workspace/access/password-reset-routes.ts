import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { newPasswordProblem } from "../../kernel/auth/password-strength.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { waitText } from "../../kernel/auth/throttle.ts";
import {
  completePasswordReset,
  findResetLink,
  RESET_MINUTES,
  requestPasswordReset,
  type ResetLink,
} from "./password-reset-service.ts";
import { emailField, newPasswordForm } from "./schemas.ts";
import { baseUrl } from "./invitation-page.ts";

const FORGOTTEN = "/forgotten-password";
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

export function registerPasswordResetRoutes(app: FastifyInstance, { db, config }: AppContext): void {
  const forgottenPage = (reply: FastifyReply, extra: Record<string, unknown> = {}) =>
    reply.view("access/views/password-forgotten.njk", {
      title: "Reset your password",
      mailConfigured: Boolean(config.mail),
      values: {},
      ...extra,
    });

  app.get(FORGOTTEN, async (_request, reply) => forgottenPage(reply));

  app.post(FORGOTTEN, async (request, reply) => {
    const form = parseForm(forgottenForm, request.body);
    if (!form.ok) return forgottenPage(reply.code(400), { errors: form.errors, values: form.values });
    if (!config.mail) return forgottenPage(reply);
    const result = await requestPasswordReset(db, config, form.data.email, baseUrl(config, request), {
      ...request.auditContext(),
      ip: request.ip,
    });
    if (result.kind === "throttled") {
      const message = `There have been too many requests. Wait ${waitText(result.retryAfterSeconds)} and try again`;
      reply.header("retry-after", String(result.retryAfterSeconds));
      return forgottenPage(reply.code(429), { errors: [{ field: "email", message }], values: form.data });
    }
    // Sent after the response, so its time is not in the answer; a failure is audited and logged.
    if (result.deliver) {
      const deliver = result.deliver;
      setImmediate(() => {
        deliver().catch((error: unknown) => request.log.warn({ err: error }, "password reset email failed"));
      });
    }
    return reply.view("access/views/password-forgotten-sent.njk", {
      title: "Check your email",
      minutes: RESET_MINUTES,
    });
  });

  const resetPage = (reply: FastifyReply, link: ResetLink, extra: Record<string, unknown> = {}) => {
    if (link.state !== "usable") {
      const page = unusable[link.state];
      return reply.code(page.status).view("access/views/password-reset-unusable.njk", page);
    }
    return reply.view("access/views/password-reset.njk", { title: "Choose a new password", ...extra });
  };

  app.get<{ Params: { token: string } }>("/reset-password/:token", async (request, reply) =>
    resetPage(reply, await findResetLink(db, request.params.token)),
  );

  app.post<{ Params: { token: string } }>("/reset-password/:token", async (request, reply) => {
    const link = await findResetLink(db, request.params.token);
    if (link.state !== "usable") return resetPage(reply, link);
    const form = parseForm(newPasswordForm, request.body);
    const problem = form.ok ? newPasswordProblem(form.data.password, link.email) : null;
    if (!form.ok || problem) {
      const errors = form.ok ? [{ field: "password", message: problem! }] : form.errors;
      return resetPage(reply.code(400), link, { errors });
    }
    const done = await completePasswordReset(db, link, form.data.password, { requestId: request.id, ip: request.ip });
    if (!done) return resetPage(reply, await findResetLink(db, request.params.token));
    reply.flash(
      "Your password has been changed and you have been signed out everywhere. Sign in with your new password.",
    );
    return reply.redirect("/sign-in", 303);
  });
}
