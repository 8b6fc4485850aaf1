import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { Actor } from "../../kernel/auth/policy.ts";
import type { FieldError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { fieldErrorsOf } from "../../kernel/http/params.ts";
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
  const render = async (
    reply: FastifyReply,
    actor: Actor,
    extra: {
      values?: Record<string, unknown>;
      errors?: FieldError[];
      created?: { secret: string; name: string; expiresAt: Date };
    } = {},
  ) => {
    const now = Date.now();
    const tokens = (await listTokensOfUser(db, actor.userId)).map((t) => ({ ...t, status: statusOf(t, now) }));
    const values = extra.values ?? { days: "90" };
    return reply.view(VIEW, {
      title: "API tokens",
      tokens,
      values,
      errors: extra.errors ?? [],
      created: extra.created,
      lifetimes: TOKEN_LIFETIMES.map((days) => ({
        value: String(days),
        text: lifetimeLabel(days),
        checked: String(values.days) === String(days),
      })),
    });
  };

  const tokens = path(PATH);
  const manage = needs(tokens, { allow: "account:manage-tokens" });
  app.get(tokens.pattern, manage, async (request, reply) => {
    return render(reply, request.actor!);
  });

  // Not a formRoute: the new token's secret is shown on this response only, never carried by a redirect.
  app.post(tokens.pattern, manage, async (request, reply) => {
    const form = parseForm(createForm, request.body);
    if (!form.ok) return render(reply.code(400), request.actor!, { values: form.values, errors: form.errors });
    let created: Awaited<ReturnType<typeof createToken>>;
    try {
      created = await createToken(db, request.auditContext(), request.actor!, form.data);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (!errors) throw error;
      return render(reply.code(400), request.actor!, {
        values: { name: form.data.name, days: String(form.data.days) },
        errors,
      });
    }
    const { secret, token } = created;
    // Shown on this response only (not after a redirect): the secret is never stored or shown again.
    return render(reply, request.actor!, { created: { secret, name: token.name, expiresAt: token.expiresAt } });
  });

  const revoke = path(`${PATH}/:id/revoke`);
  app.post(revoke.pattern, needs(revoke, { allow: "account:manage-tokens" }), async (request, reply) => {
    const { id } = request.params;
    await revokeToken(db, request.auditContext(), request.actor!, id);
    return reply.flash("The token was revoked").redirect(PATH, 303);
  });
}
