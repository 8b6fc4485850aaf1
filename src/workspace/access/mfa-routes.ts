import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { Config } from "../../kernel/config/config.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { path } from "../../kernel/http/paths.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { SESSION_COOKIE, sessionCookieOptions } from "../../kernel/http/server.ts";
import {
  beginEnrolment,
  CHALLENGE_MINUTES,
  type Challenge,
  enrolAndSignIn,
  loadChallenge,
  resetMfa,
  type SecondStep,
  type SecondStepResult,
  verifyChallenge,
} from "./mfa-service.ts";
import { openSecret, RECOVERY_KEY, sealSecret } from "./mfa-totp.ts";
import { findUserById } from "./repository.ts";

/** The half-signed state's cookie: a random token whose hash names a server-side challenge. */
export const MFA_COOKIE = "cpah_mfa";
const VERIFY = "/sign-in/two-factor";
const ENROL = "/sign-in/two-factor/set-up";
export const ACCOUNT_SECURITY = "/account/security";
const RECOVERY_CODES = `${ACCOUNT_SECURITY}/recovery-codes`;
const RECOVERY_COOKIE = "cpah_recovery";

export const secondStepPath = (purpose: SecondStep) => (purpose === "enrol" ? ENROL : VERIFY);

export function mfaCookieOptions(config: Config) {
  return {
    path: "/sign-in",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.cookieSecure,
    maxAge: CHALLENGE_MINUTES * 60,
  };
}

/**
 * Post/redirect/get: the new codes go, sealed (AES-GCM) and bound to the person, in a cookie
 * that lives five minutes and is cleared when the page shows them; they are stored only hashed.
 */
export function showRecoveryCodes(reply: FastifyReply, config: Config, userId: string, codes: string[], next: string) {
  const sealed = sealSecret(config.sessionSecret, JSON.stringify({ userId, codes, next }), RECOVERY_KEY);
  reply.setCookie(RECOVERY_COOKIE, sealed, { ...recoveryCookieOptions(config), maxAge: 5 * 60 });
  return reply.redirect(RECOVERY_CODES, 303);
}

const recoveryCookieOptions = (config: Config) => ({
  path: RECOVERY_CODES,
  httpOnly: true,
  sameSite: "lax" as const,
  secure: config.cookieSecure,
});

export const codeForm = z.object({
  code: z
    .string({ error: "Enter the code" })
    .trim()
    .min(1, "Enter the code")
    .max(40, "Enter a 6-digit code or a recovery code"),
});

export function registerMfaRoutes(app: FastifyInstance, { db, config }: AppContext): void {
  const meta = (request: FastifyRequest) => ({
    ip: request.ip,
    userAgent: request.headers["user-agent"],
    requestId: request.id,
  });

  /** The challenge named by the cookie, or a redirect to the sign-in page when there is none (or it expired). */
  async function challengeOr(request: FastifyRequest, reply: FastifyReply, purpose: SecondStep) {
    const challenge = await loadChallenge(db, request.cookies[MFA_COOKIE]);
    if (!challenge) {
      reply.clearCookie(MFA_COOKIE, { path: "/sign-in" });
      reply.redirect("/sign-in", 303);
      return undefined;
    }
    if (challenge.purpose !== purpose) {
      reply.redirect(secondStepPath(challenge.purpose as SecondStep), 303);
      return undefined;
    }
    return challenge;
  }

  const enrolPage = async (
    reply: FastifyReply,
    challenge: Challenge,
    errors?: { field: string; message: string }[],
  ) => {
    const enrolment = await beginEnrolment(db, config, challenge.user);
    if (!enrolment) return reply.redirect(VERIFY, 303);
    return reply.code(errors ? 400 : 200).view("access/views/mfa-enrol.njk", {
      title: "Set up two-factor authentication",
      enrolment,
      action: ENROL,
      duringSignIn: true,
      errors,
    });
  };

  /** After a second step: signed in (with recovery codes to show once, after an enrolment) or not. */
  function finish(reply: FastifyReply, result: SecondStepResult, again: (message: string) => unknown) {
    if (result.kind === "start-again") {
      reply.clearCookie(MFA_COOKIE, { path: "/sign-in" });
      return reply.code(400).view("access/views/sign-in.njk", {
        title: "Sign in",
        errors: [{ field: "email", message: result.message }],
        values: {},
      });
    }
    if (result.kind === "refused") {
      if (result.retryAfterSeconds) reply.header("retry-after", String(result.retryAfterSeconds));
      reply.code(result.retryAfterSeconds ? 429 : 400);
      return again(result.message);
    }
    reply.clearCookie(MFA_COOKIE, { path: "/sign-in" });
    reply.setCookie(SESSION_COOKIE, result.session, sessionCookieOptions(config));
    if (!result.recoveryCodes) return reply.redirect(result.returnTo, 303);
    return showRecoveryCodes(reply, config, result.userId, result.recoveryCodes, result.returnTo);
  }

  app.get(RECOVERY_CODES, async (request, reply) => {
    const actor = request.actor;
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
    const sealed = request.cookies[RECOVERY_COOKIE];
    const opened = sealed ? openSecret(config.sessionSecret, sealed, RECOVERY_KEY) : null;
    const shown = opened ? (JSON.parse(opened) as { userId: string; codes: string[]; next: string }) : undefined;
    reply.clearCookie(RECOVERY_COOKIE, recoveryCookieOptions(config));
    if (!shown || shown.userId !== actor.userId) return reply.redirect(ACCOUNT_SECURITY, 303);
    return reply.view("access/views/mfa-recovery-codes.njk", {
      title: "Save your recovery codes",
      recoveryCodes: shown.codes,
      next: shown.next,
    });
  });

  const verifyPage = (reply: FastifyReply, message?: string) =>
    reply.view("access/views/mfa-verify.njk", {
      title: "Enter your security code",
      errors: message ? [{ field: "code", message }] : undefined,
    });

  app.get(VERIFY, async (request, reply) => {
    if (!(await challengeOr(request, reply, "verify"))) return reply;
    return verifyPage(reply);
  });

  app.post(VERIFY, async (request, reply) => {
    const challenge = await challengeOr(request, reply, "verify");
    if (!challenge) return reply;
    const form = parseForm(codeForm, request.body);
    if (!form.ok) return verifyPage(reply.code(400), form.errors[0]!.message);
    const result = await verifyChallenge(
      db,
      config,
      challenge,
      form.data.code,
      config.sessionIdleMinutes,
      meta(request),
    );
    return finish(reply, result, (message) => verifyPage(reply, message));
  });

  app.get(ENROL, async (request, reply) => {
    const challenge = await challengeOr(request, reply, "enrol");
    if (!challenge) return reply;
    return enrolPage(reply, challenge);
  });

  app.post(ENROL, async (request, reply) => {
    const challenge = await challengeOr(request, reply, "enrol");
    if (!challenge) return reply;
    const form = parseForm(codeForm, request.body);
    if (!form.ok) return enrolPage(reply, challenge, form.errors);
    const result = await enrolAndSignIn(
      db,
      config,
      challenge,
      form.data.code,
      config.sessionIdleMinutes,
      meta(request),
    );
    return finish(reply, result, (message) => enrolPage(reply, challenge, [{ field: "code", message }]));
  });

  // The lost-device path: an administrator resets another person's second factor.
  const reset = path("/admin/users/:id/two-factor/reset");
  app.post(reset.pattern, needs(reset, { allow: "admin:manage-users" }), async (request, reply) => {
    const user = await findUserById(db, request.params.id);
    if (!user) throw AppError.notFound();
    if (user.id === request.actor!.userId) {
      throw AppError.forbidden("Ask another administrator to reset your own two-factor authentication");
    }
    await resetMfa(db, user.id, request.auditContext());
    return reply
      .flash("Two-factor authentication reset. The person must set it up again when they next sign in.")
      .redirect(`/admin/users/${user.id}`, 303);
  });
}
