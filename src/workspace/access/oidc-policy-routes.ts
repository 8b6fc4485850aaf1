import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { FieldError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { formRoute } from "../../kernel/forms/index.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import { path } from "../../kernel/http/paths.ts";
import { listOrganisations } from "../organisations/index.ts";
import { setSsoRequired } from "./oidc-policy.ts";
import { ssoRequiredOrganisations } from "./oidc-repository.ts";

export const ssoPolicyPaths = {
  list: path("/admin/single-sign-on"),
  set: path("/admin/single-sign-on/:organisationId"),
};

const admin = { allow: "admin:manage-organisations" } as const;
const policyForm = z.object({
  ssoRequired: z.enum(["true", "false"], { error: "Choose whether single sign-on is required" }),
});

/** Administrators choose which organisations must sign in by single sign-on. */
export function registerOidcPolicyRoutes(app: FastifyInstance, { db, config }: AppContext): void {
  const page = async (errors: FieldError[] = []) => {
    const [organisations, required] = await Promise.all([listOrganisations(db), ssoRequiredOrganisations(db)]);
    return {
      title: "Single sign-on",
      errors,
      configured: Boolean(config.oidc),
      issuer: config.oidc?.issuer,
      organisations: organisations.map((organisation) => ({
        id: organisation.id,
        name: organisation.name,
        ssoRequired: required.has(organisation.id),
      })),
    };
  };

  app.get(ssoPolicyPaths.list.pattern, needs(ssoPolicyPaths.list, admin), async (_request, reply) =>
    reply.view("access/views/oidc-policy.njk", await page()),
  );

  formRoute(app, {
    path: ssoPolicyPaths.set,
    needs: admin,
    schema: policyForm,
    page: async (_ctx, shown) => ({ template: "access/views/oidc-policy.njk", view: await page(shown.errors) }),
    save: async (ctx, data) => {
      const required = data.ssoRequired === "true";
      const { signedOut } = await setSsoRequired(
        db,
        ctx.audit,
        ctx.params.organisationId,
        required,
        Boolean(config.oidc),
      );
      return {
        redirect: ssoPolicyPaths.list(),
        flash: required
          ? `Single sign-on is now required. ${signedOut === 1 ? "1 session" : `${signedOut} sessions`} signed out`
          : "Passwords work again",
      };
    },
  });
}
