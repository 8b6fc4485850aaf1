import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Actor } from "../../kernel/auth/policy.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { path } from "../../kernel/http/paths.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { listTokensOfUser } from "./token-repository.ts";
import { createToken, revokeToken, TOKEN_LIFETIMES } from "./token-service.ts";

const VIEW = "api/views/tokens.njk";
const PATH = "/account/api-tokens";

const createForm = z.object({
  name: z.string().trim().min(1, "Enter a name for the token").max(100, "The name must be 100 characters or fewer"),
  days: z.enum(TOKEN_LIFETIMES.map(String) as [string, ...string[]], "Choose when the token expires").transform(Number),
});

function statusOf(token: { revokedAt: Date | null; expiresAt: Date }, now: number): "Revoked" | "Expired" | "Active" {
  if (token.revokedAt) return "Revoked";
  return token.expiresAt.getTime() <= now ? "Expired" : "Active";
}

const lifetimeLabel = (days: number) => (days === 365 ? "1 year" : `${days} days`);

export function registerTokenRoutes(app: FastifyInstance, { db }: AppContext): void {
  const tokensView = async (actor: Actor) => {
    const now = Date.now();
    const tokens = (await listTokensOfUser(db, actor.userId)).map((t) => ({ ...t, status: statusOf(t, now) }));
    return {
      title: "API tokens",
      tokens,
      lifetimes: TOKEN_LIFETIMES.map((days) => ({ value: String(days), text: lifetimeLabel(days) })),
    };
  };

  const tokens = path(PATH);
  // The new token's secret is shown on the POST's own response (a page, not a redirect), never
  // stored or shown again: so no once-token either (a repeat could not show the first's secret).
  formRoute(app, {
    path: tokens,
    needs: { allow: "account:manage-tokens" },
    once: false,
    template: VIEW,
    view: (ctx) => tokensView(ctx.request.actor!),
    initial: () => ({ days: "90" }),
    schema: createForm,
    save: async (ctx, data) => {
      const actor = ctx.request.actor!;
      const { secret, token } = await createToken(db, ctx.audit, actor, data);
      const created = { secret, name: token.name, expiresAt: token.expiresAt };
      return { template: VIEW, view: { ...(await tokensView(actor)), values: {}, errors: [], created } };
    },
  });

  const revoke = path(`${PATH}/:id/revoke`);
  app.post(revoke.pattern, needs(revoke, { allow: "account:manage-tokens" }), async (request, reply) => {
    const { id } = request.params;
    await revokeToken(db, request.auditContext(), request.actor!, id);
    return reply.flash("The token was revoked").redirect(PATH, 303);
  });
}
