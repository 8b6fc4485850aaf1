import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { type AccountChange, replaceOwnRecoveryCodes, turnOffOwnMfa } from "./mfa-account-service.ts";
import { ACCOUNT_SECURITY, codeForm, showRecoveryCodes } from "./mfa-routes.ts";
import { beginEnrolment, enrolSignedIn, mfaStatus, roleRequiresMfa } from "./mfa-service.ts";
import { findUserById } from "./repository.ts";

const TURN_ON = `${ACCOUNT_SECURITY}/two-factor`;
const NEW_CODES = `${ACCOUNT_SECURITY}/recovery-codes/new`;
const TURN_OFF = `${ACCOUNT_SECURITY}/two-factor/off`;

type Errors = { field: string; message: string }[];

/**
 * The person's own account security page: turn two-factor authentication on; once on, get new
 * recovery codes or (where the role does not require it) turn it off — each asks for a current code.
 */
export function registerMfaAccountRoutes(app: FastifyInstance, { db, config }: AppContext): void {
  const signedIn = (request: FastifyRequest) => {
    const actor = request.actor;
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
    return actor;
  };

  /** Each form's code field has its own id, so an error names (and links to) the form it belongs to. */
  async function accountPage(
    request: FastifyRequest,
    reply: FastifyReply,
    errors?: Errors,
    status = errors ? 400 : 200,
  ) {
    const actor = signedIn(request);
    const mfa = await mfaStatus(db, actor.userId);
    const user = await findUserById(db, actor.userId);
    const enrolment = mfa.enabled
      ? undefined
      : await beginEnrolment(db, config, { id: actor.userId, email: actor.email });
    return reply.code(status).view("access/views/mfa-account.njk", {
      title: "Account security",
      status: mfa,
      enrolment,
      required: user ? await roleRequiresMfa(db, user) : true,
      action: TURN_ON,
      newCodesAction: NEW_CODES,
      turnOffAction: TURN_OFF,
      errors,
    });
  }

  type Refusal = Extract<AccountChange<unknown>, { ok: false }>;
  const refused = (request: FastifyRequest, reply: FastifyReply, field: string, result: Refusal) => {
    if (result.retryAfterSeconds) reply.header("retry-after", String(result.retryAfterSeconds));
    return accountPage(request, reply, [{ field, message: result.message }], result.retryAfterSeconds ? 429 : 400);
  };

  app.get(ACCOUNT_SECURITY, async (request, reply) => accountPage(request, reply));

  app.post(TURN_ON, async (request, reply) => {
    const actor = signedIn(request);
    const form = parseForm(codeForm, request.body);
    if (!form.ok) return accountPage(request, reply, form.errors);
    const result = await enrolSignedIn(db, config, actor.userId, form.data.code, request.auditContext());
    if (!result.ok) return accountPage(request, reply, [{ field: "code", message: result.message }]);
    return showRecoveryCodes(reply, config, actor.userId, result.recoveryCodes, ACCOUNT_SECURITY);
  });

  app.post(NEW_CODES, async (request, reply) => {
    const actor = signedIn(request);
    const form = parseForm(codeForm, request.body);
    if (!form.ok) return accountPage(request, reply, [{ field: "newCodesCode", message: form.errors[0]!.message }]);
    const result = await replaceOwnRecoveryCodes(db, config, actor.userId, form.data.code, request.auditContext());
    if (!result.ok) return refused(request, reply, "newCodesCode", result);
    return showRecoveryCodes(reply, config, actor.userId, result.value, ACCOUNT_SECURITY);
  });

  app.post(TURN_OFF, async (request, reply) => {
    const actor = signedIn(request);
    const form = parseForm(codeForm, request.body);
    if (!form.ok) return accountPage(request, reply, [{ field: "turnOffCode", message: form.errors[0]!.message }]);
    const result = await turnOffOwnMfa(db, config, actor.userId, form.data.code, request.auditContext());
    if (!result.ok) return refused(request, reply, "turnOffCode", result);
    return reply.flash("Two-factor authentication is off").redirect(ACCOUNT_SECURITY, 303);
  });
}
