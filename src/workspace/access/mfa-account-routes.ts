import type { FastifyInstance, FastifyRequest } from "fastify";
import type { FieldError } from "../../kernel/errors/app-error.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { replaceOwnRecoveryCodes, turnOffOwnMfa } from "./mfa-account-service.ts";
import { ACCOUNT_SECURITY, codeForm, codeRefused, showRecoveryCodes } from "./mfa-routes.ts";
import { beginEnrolment, enrolSignedIn, mfaStatus, roleRequiresMfa } from "./mfa-service.ts";
import { accessPaths as paths } from "./paths.ts";
import { findUserById } from "./repository.ts";

const signedIn = { signedIn: true } as const;

/**
 * The person's own account security page: turn two-factor authentication on; once on, get new
 * recovery codes or (where the role does not require it) turn it off — each asks for a current code.
 * The three forms are on the one page: a refused code is drawn on it again at that form's field.
 */
export function registerMfaAccountRoutes(app: FastifyInstance, { db, config }: AppContext): void {
  async function accountView(request: FastifyRequest, errors?: FieldError[]) {
    const actor = request.actor!;
    const mfa = await mfaStatus(db, actor.userId);
    const user = await findUserById(db, actor.userId);
    const enrolment = mfa.enabled
      ? undefined
      : await beginEnrolment(db, config, { id: actor.userId, email: actor.email });
    return {
      title: "Account security",
      status: mfa,
      enrolment,
      required: user ? await roleRequiresMfa(db, user) : true,
      action: paths.turnOnTwoFactor(),
      newCodesAction: paths.newRecoveryCodes(),
      turnOffAction: paths.turnOffTwoFactor(),
      errors,
    };
  }

  app.get(paths.accountSecurity.pattern, needs(paths.accountSecurity, signedIn), async (request, reply) =>
    reply.view("access/views/mfa-account.njk", await accountView(request)),
  );

  /** Each form's code field has its own id, so an error names (and links to) the form it belongs to. */
  const onPage = (field: string) => ({
    needs: signedIn,
    once: false as const,
    secret: ["code"],
    schema: codeForm,
    page: async (ctx: { request: FastifyRequest }, shown: { errors: FieldError[] }) => ({
      template: "access/views/mfa-account.njk",
      view: await accountView(
        ctx.request,
        shown.errors.map((error) => ({ ...error, field })),
      ),
    }),
  });

  formRoute(app, {
    path: paths.turnOnTwoFactor,
    ...onPage("code"),
    save: async (ctx, data) => {
      const { userId } = ctx.request.actor!;
      const result = await enrolSignedIn(db, config, userId, data.code, ctx.audit);
      if (!result.ok) throw codeRefused("code", result);
      return showRecoveryCodes(ctx.reply, config, userId, result.recoveryCodes, ACCOUNT_SECURITY);
    },
  });

  formRoute(app, {
    path: paths.newRecoveryCodes,
    ...onPage("newCodesCode"),
    save: async (ctx, data) => {
      const { userId } = ctx.request.actor!;
      const result = await replaceOwnRecoveryCodes(db, config, userId, data.code, ctx.audit);
      if (!result.ok) throw codeRefused("newCodesCode", result);
      return showRecoveryCodes(ctx.reply, config, userId, result.value, ACCOUNT_SECURITY);
    },
  });

  formRoute(app, {
    path: paths.turnOffTwoFactor,
    ...onPage("turnOffCode"),
    save: async (ctx, data) => {
      const result = await turnOffOwnMfa(db, config, ctx.request.actor!.userId, data.code, ctx.audit);
      if (!result.ok) throw codeRefused("turnOffCode", result);
      return { redirect: ACCOUNT_SECURITY, flash: "Two-factor authentication is off" };
    },
  });
}
