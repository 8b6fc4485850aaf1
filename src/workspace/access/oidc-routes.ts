import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { SESSION_COOKIE, sessionCookieOptions } from "../../kernel/http/server.ts";
import { beginOidcSignIn, completeOidcSignIn, OIDC_TRANSACTION_MINUTES, OidcRefusal } from "./oidc-service.ts";
import { safeReturnTo } from "./schemas.ts";

/** Holds the `state` of the sign-in this browser started, so only this browser can finish it. */
export const OIDC_STATE_COOKIE = "cpah_oidc_state";
const CALLBACK_PATH = "/sign-in/oidc/callback";

const startForm = z.object({ returnTo: z.string().max(2000).optional() });
const callbackQuery = z.object({ state: z.string().max(500).optional() });

const refusalStatus = { expired: 400, refused: 400, unavailable: 503, "no-email": 403, "no-account": 403 } as const;

/** Single sign-on by OpenID Connect (README, "Single sign-on"): only when OIDC_* is configured. */
export function registerOidcRoutes(app: FastifyInstance, context: AppContext): void {
  const { config, db } = context;
  const stateCookie = (reply: FastifyReply, value: string | null) =>
    value === null
      ? reply.clearCookie(OIDC_STATE_COOKIE, { path: CALLBACK_PATH })
      : reply.setCookie(OIDC_STATE_COOKIE, value, {
          path: CALLBACK_PATH,
          httpOnly: true,
          // Lax: the provider sends the browser back with a top-level GET from its own site.
          sameSite: "lax",
          secure: config.cookieSecure,
          maxAge: OIDC_TRANSACTION_MINUTES * 60,
        });

  // A form post (CSRF-checked like every post) rather than a link: it writes a started sign-in.
  app.post("/sign-in/oidc", async (request, reply) => {
    const oidc = config.oidc;
    if (!oidc) throw AppError.notFound();
    const parsed = startForm.safeParse(request.body);
    const returnTo = safeReturnTo(parsed.success ? parsed.data.returnTo : undefined);
    try {
      const { url, state } = await beginOidcSignIn(db, oidc, returnTo);
      stateCookie(reply, state);
      return reply.redirect(url, 303);
    } catch (error) {
      if (error instanceof OidcRefusal) return refusedPage(reply, error);
      throw error;
    }
  });

  app.get(CALLBACK_PATH, async (request, reply) => {
    const oidc = config.oidc;
    if (!oidc) throw AppError.notFound();
    const query = callbackQuery.safeParse(request.query);
    const at = request.url.indexOf("?");
    // Whatever happens, this browser's started sign-in is over.
    stateCookie(reply, null);
    try {
      const { token, returnTo } = await completeOidcSignIn(
        db,
        oidc,
        {
          search: at === -1 ? "" : request.url.slice(at),
          state: query.success ? query.data.state : undefined,
          cookieState: request.cookies[OIDC_STATE_COOKIE],
          previousSession: request.sessionToken ?? undefined,
        },
        config.sessionIdleMinutes,
        { ip: request.ip, userAgent: request.headers["user-agent"], requestId: request.id },
      );
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config));
      return reply.redirect(safeReturnTo(returnTo), 303);
    } catch (error) {
      if (error instanceof OidcRefusal) return refusedPage(reply, error);
      throw error;
    }
  });
}

function refusedPage(reply: FastifyReply, refusal: OidcRefusal) {
  return reply.code(refusalStatus[refusal.reason]).view("access/views/oidc-refused.njk", {
    title: refusal.reason === "no-account" ? "You do not have an account" : "You have not been signed in",
    reason: refusal.reason,
    email: refusal.email,
  });
}
