import type { FastifyInstance, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Action, Actor } from "../../kernel/auth/policy.ts";
import type { Db } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { partnershipFor, type PartnershipRow } from "../../workspace/partnerships/index.ts";
import { type FieldDef, renderForm, type SubnavContext } from "./form-page.ts";

export interface FormRouteContext<R> {
  partnership: PartnershipRow;
  params: Record<string, string>;
  actor: Actor;
  record: R;
  request: FastifyRequest;
}

export interface FormRouteSpec<S extends z.ZodType, R> {
  /** Path under /partnerships/:id, e.g. "/strategy/priorities/new". */
  path: string;
  /** Partnership-level right needed (record-level checks go in `load`). */
  action: Action;
  section: SubnavContext["current"];
  title: string | ((ctx: FormRouteContext<NoInfer<R>>) => string);
  caption?: string;
  submitText?: string;
  intro?: string;
  fields: FieldDef[] | ((ctx: FormRouteContext<NoInfer<R>>) => FieldDef[] | Promise<FieldDef[]>);
  /** The Zod schema, or a function of the context when it depends on the partnership. */
  schema: S | ((ctx: FormRouteContext<NoInfer<R>>) => S);
  /** Loads (and authorizes) the record the form is about; throw 404/403 from here. */
  load?: (ctx: Omit<FormRouteContext<R>, "record">) => Promise<R>;
  initial?: (ctx: FormRouteContext<NoInfer<R>>) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Validates further if needed (throw AppError.validation) and saves; returns where to go. */
  save: (ctx: FormRouteContext<NoInfer<R>>, data: z.infer<S>) => Promise<string>;
  back: (ctx: FormRouteContext<NoInfer<R>>) => string;
}

/** GET shows the form, POST parses → authorizes → saves → redirects (303), or 400 with errors. */
export function registerFormRoute<S extends z.ZodType, R>(
  app: FastifyInstance,
  db: Db,
  spec: FormRouteSpec<S, R>,
): void {
  const url = `/partnerships/:id${spec.path}`;

  async function context(request: FastifyRequest): Promise<FormRouteContext<R>> {
    const params = request.params as Record<string, string>;
    for (const value of Object.values(params)) {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw AppError.notFound();
    }
    const partnership = await partnershipFor(db, request.actor, params.id!, spec.action);
    const base = { partnership, params, actor: request.actor!, request };
    const record = spec.load ? await spec.load(base) : (undefined as R);
    return { ...base, record };
  }

  async function page(
    ctx: FormRouteContext<R>,
    values: Record<string, unknown>,
    errors?: { field: string; message: string }[],
  ) {
    return {
      title: typeof spec.title === "function" ? spec.title(ctx) : spec.title,
      caption: spec.caption,
      intro: spec.intro,
      submitText: spec.submitText,
      action: `/partnerships/${ctx.partnership.id}${spec.path.replace(/:(\w+)/g, (_m, key: string) => ctx.params[key] ?? "")}`,
      fields: typeof spec.fields === "function" ? await spec.fields(ctx) : spec.fields,
      values,
      errors,
      backHref: spec.back(ctx),
      subnav: {
        partnershipId: ctx.partnership.id,
        partnershipName: ctx.partnership.name,
        nation: ctx.partnership.nation,
        current: spec.section,
      },
    };
  }

  app.get(url, async (request, reply) => {
    const ctx = await context(request);
    const values = spec.initial ? await spec.initial(ctx) : {};
    return renderForm(reply, await page(ctx, values));
  });

  app.post(url, async (request, reply) => {
    const ctx = await context(request);
    const schema =
      typeof spec.schema === "function" ? (spec.schema as (c: FormRouteContext<R>) => S)(ctx) : spec.schema;
    const form = parseForm(schema, request.body);
    if (!form.ok) return renderForm(reply, await page(ctx, form.values, form.errors));
    try {
      const next = await spec.save(ctx, form.data);
      return reply.redirect(next, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === "VALIDATION" && error.details.fieldErrors) {
        const values = Object.fromEntries(
          Object.entries((request.body as Record<string, unknown>) ?? {}).filter(([key]) => key !== "_csrf"),
        );
        return renderForm(reply, await page(ctx, values, error.details.fieldErrors));
      }
      throw error;
    }
  });
}
