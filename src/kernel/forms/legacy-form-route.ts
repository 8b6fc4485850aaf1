import type { FastifyInstance, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Action, Actor } from "../auth/policy.ts";
import type { Db } from "../db/database.ts";
import { path } from "../http/paths.ts";
import type { LoadedPartnership } from "../http/pipeline.ts";
import type { FieldDef } from "./field-list.ts";
import { type FormContext, formRoute } from "./form-route.ts";

export interface FormRouteContext<R> {
  partnership: LoadedPartnership;
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
  /** Unused: the section navigation finds the current section from the path. */
  section?: string;
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
  /** The success message for the next page (a signed cookie, not a `?saved=1` flag). */
  flash?: string;
}

/**
 * GET shows the form, POST parses → authorizes → saves → redirects (303), or 400 with errors.
 * @deprecated The strategy domain's form helper, kept for the domains not yet moved: it is
 * `formRoute` (./form-route.ts) with the path under /partnerships/:id. New forms call `formRoute`
 * with a path from the domain's paths.ts, `needs`, and a `flash` message.
 */
export function registerFormRoute<S extends z.ZodType, R>(
  app: FastifyInstance,
  _db: Db,
  spec: FormRouteSpec<S, R>,
): void {
  const legacy = <T>(ctx: FormContext<string, T>) => ({
    partnership: ctx.partnership,
    params: ctx.params as Record<string, string>,
    actor: ctx.request.actor!,
    record: ctx.record,
    request: ctx.request,
  });
  const of = <T>(value: T | ((ctx: FormRouteContext<R>) => T), ctx: FormContext<string, R>): T =>
    typeof value === "function" ? (value as (ctx: FormRouteContext<R>) => T)(legacy(ctx)) : value;
  formRoute<string, S, R>(app, {
    path: path(`/partnerships/:id${spec.path}`),
    needs: { partnership: spec.action },
    load: spec.load ? (ctx) => spec.load!(legacy(ctx)) : undefined,
    title: (ctx) => of(spec.title, ctx),
    caption: spec.caption,
    intro: spec.intro,
    submitText: spec.submitText,
    fields: (ctx) => of(spec.fields, ctx),
    schema: (ctx) => of(spec.schema, ctx),
    initial: spec.initial ? (ctx) => spec.initial!(legacy(ctx)) : undefined,
    save: (ctx, data) => spec.save(legacy(ctx), data),
    back: (ctx) => spec.back(legacy(ctx)),
    flash: spec.flash,
  });
}
