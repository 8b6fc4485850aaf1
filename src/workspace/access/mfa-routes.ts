import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { Config } from "../../kernel/config/config.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { SESSION_COOKIE, sessionCookieOptions } from "../../kernel/http/server.ts";
import {
  beginEnrolment,
  CHALLENGE_MINUTES,
  type Challenge,
  enrolAndSignIn,
  loadChallenge,
  mfaStatus,
  resetMfa,
  type SecondStep,
  type SecondStepResult,
  verifyChallenge,
} from "./mfa-service.ts";
import { accessPaths as paths } from "./paths.ts";
import { openSecret, RECOVERY_KEY, sealSecret } from "./mfa-totp.ts";
import { findUserById } from "./repository.ts";

/** The half-signed state's cookie: a random token whose hash names a server-side challenge. */
export const MFA_COOKIE = "cpah_mfa";
const VERIFY = paths.twoFactor();
const ENROL = paths.twoFactorSetUp();
export const ACCOUNT_SECURITY = paths.accountSecurity();
const RECOVERY_CODES = paths.recoveryCodes();
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
 * Returns where to go: the page that shows them.
 */
export function showRecoveryCodes(reply: FastifyReply, config: Config, userId: string, codes: string[], next: string) {
  const sealed = sealSecret(config.sessionSecret, JSON.stringify({ userId, codes, next }), RECOVERY_KEY);
  reply.setCookie(RECOVERY_COOKIE, sealed, { ...recoveryCookieOptions(config), maxAge: 5 * 60 });
  return RECOVERY_CODES;
}

/** A refused code, said at the form's code field (`field`), with 429 and Retry-After when throttled. */
export function codeRefused(field: string, refusal: { message: string; retryAfterSeconds?: number }): AppError {
  const { message, retryAfterSeconds } = refusal;
  return new AppError(retryAfterSeconds ? "RATE_LIMITED" : "VALIDATION", message, {
    fieldErrors: [{ field, message }],
    retryAfterSeconds,
  });
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
  const clearChallenge = (reply: FastifyReply) => reply.clearCookie(MFA_COOKIE, { path: "/sign-in" });

  /** The half-signed-in state the cookie names (or none: it expired, or was never started). */
  const loadStep = async (ctx: { request: { cookies: Record<string, string | undefined> } }) => ({
    challenge: await loadChallenge(db, ctx.request.cookies[MFA_COOKIE]),
  });

  /** No challenge: back to sign-in. The other step's challenge: to that step. Else the form. */
  async function elsewhere(reply: FastifyReply, challenge: Challenge | undefined, purpose: SecondStep) {
    if (!challenge) {
      clearChallenge(reply);
      return { redirect: paths.signIn() };
    }
    if (challenge.purpose !== purpose) return { redirect: secondStepPath(challenge.purpose as SecondStep) };
    // Set up meanwhile (another tab): the code step, as before.
    if (purpose === "enrol" && (await mfaStatus(db, challenge.user.id)).enabled) return { redirect: VERIFY };
    return undefined;
  }

  const meta = (request: { ip: string; headers: Record<string, unknown>; id: string }) => ({
    ip: request.ip,
    userAgent: request.headers["user-agent"] as string | undefined,
    requestId: request.id,
  });

  /** After a second step: signed in (with recovery codes to show once, after an enrolment) or not. */
  function finish(reply: FastifyReply, result: SecondStepResult) {
    if (result.kind === "start-again") {
      clearChallenge(reply);
      return {
        status: 400,
        template: "access/views/sign-in.njk",
        view: { title: "Sign in", errors: [{ field: "email", message: result.message }], values: {} },
      };
    }
    if (result.kind === "refused") throw codeRefused("code", result);
    clearChallenge(reply);
    reply.setCookie(SESSION_COOKIE, result.session, sessionCookieOptions(config));
    if (!result.recoveryCodes) return result.returnTo;
    return showRecoveryCodes(reply, config, result.userId, result.recoveryCodes, result.returnTo);
  }

  app.get(paths.recoveryCodes.pattern, needs(paths.recoveryCodes, { signedIn: true }), async (request, reply) => {
    const actor = request.actor!;
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

  // The second step signs in (a new session, as the password step would have): never a once-token.
  const secondStepForm = (
    purpose: SecondStep,
    template: string,
    view: (challenge: Challenge) => Promise<Record<string, unknown>>,
    check: typeof verifyChallenge,
  ) =>
    formRoute(app, {
      path: purpose === "enrol" ? paths.twoFactorSetUp : paths.twoFactor,
      needs: { public: true },
      once: false,
      secret: ["code"],
      load: loadStep,
      instead: (ctx) => elsewhere(ctx.reply, ctx.record.challenge, purpose),
      template,
      view: (ctx) => view(ctx.record.challenge!),
      schema: codeForm,
      save: async (ctx, data) => {
        const { challenge } = ctx.record;
        const idle = config.sessionIdleMinutes;
        return finish(ctx.reply, await check(db, config, challenge!, data.code, idle, meta(ctx.request)));
      },
    });

  secondStepForm(
    "verify",
    "access/views/mfa-verify.njk",
    async () => ({ title: "Enter your security code" }),
    verifyChallenge,
  );
  secondStepForm(
    "enrol",
    "access/views/mfa-enrol.njk",
    async (challenge) => ({
      title: "Set up two-factor authentication",
      enrolment: await beginEnrolment(db, config, challenge.user),
      duringSignIn: true,
    }),
    enrolAndSignIn,
  );

  // The lost-device path: an administrator resets another person's second factor.
  const reset = paths.userTwoFactorReset;
  app.post(reset.pattern, needs(reset, { allow: "admin:manage-users" }), async (request, reply) => {
    const user = await findUserById(db, request.params.id);
    if (!user) throw AppError.notFound();
    if (user.id === request.actor!.userId) {
      throw AppError.forbidden("Ask another administrator to reset your own two-factor authentication");
    }
    await resetMfa(db, user.id, request.auditContext());
    return reply
      .flash("Two-factor authentication reset. The person must set it up again when they next sign in.")
      .redirect(paths.user(user.id), 303);
  });
}
