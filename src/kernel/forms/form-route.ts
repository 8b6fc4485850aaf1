import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { AuditContext } from "../audit/audit.ts";
import type { FieldError } from "../errors/app-error.ts";
import { fieldErrorsOf, parseForm, submittedValues } from "../http/forms.ts";
import type { ParamValue, Path, PathParams } from "../http/paths.ts";
import { found, type LoadedPartnership, type Need, needs } from "../http/pipeline.ts";
import { type FieldDef, renderForm } from "./field-list.ts";
import { onceToken, postedOnceToken, saveOnce } from "./once.ts";

type Awaitable<T> = T | Promise<T>;
type Values = Record<string, unknown>;

/** What a save may return instead of a URL: the URL and a success message made from the saved record. */
export interface Saved {
  redirect: string;
  flash: string;
}

/** What every callback of a form route receives. */
export interface FormContext<P extends string, R, A = PathParams<P>> {
  /** The request, its `params` typed as `params` below (for view helpers a page's GET shares). */
  request: FastifyRequest<{ Params: A }>;
  /** The path's parameters as its schemas parse them (a nation is a `Nation`, a serial id a number). */
  params: A;
  /** The record `load` found (undefined for forms that create one). */
  record: R;
  /** The partnership at :id, for routes that need one (reading it elsewhere throws). */
  readonly partnership: LoadedPartnership;
  /** Who is acting, for the service's audit entry. */
  audit: AuditContext;
}

interface FormBase<P extends string, S extends z.ZodType, R, A = PathParams<P>> {
  /** GET shows the form here; POST submits here too, unless `postTo` says otherwise. */
  path: Path<P, A>;
  /** Where the form posts when that URL differs (same parameters, e.g. ".../governance"). */
  postTo?: Path<string, unknown>;
  /** What the route needs (kernel/http/pipeline.ts), checked before anything is read. */
  needs: Need<NoInfer<A>>;
  /** What the POST needs when stricter than the page (a page all may read, carrying an editor's form). */
  postNeeds?: Need<NoInfer<A>>;
  /** The record the form is about; null or undefined is a 404 (nothing changed). */
  load?: (ctx: FormContext<P, undefined, A>) => Promise<R | null | undefined>;
  /** The Zod schema of the post, or a function of the context when it depends on the record. */
  schema: S | ((ctx: FormContext<P, R, A>) => S);
  /** The values of a fresh form (an edit form's current record). */
  initial?: (ctx: FormContext<P, R, A>) => Awaitable<Values>;
  /**
   * Calls the service (which may throw AppError.validation to name fields); returns where to go, or
   * where to go and the flash message when the message depends on what the service did.
   */
  save: (ctx: FormContext<P, R, A>, data: z.output<S>) => Promise<string | Saved>;
  /** The success message shown on the next page. */
  flash?: string | ((ctx: FormContext<P, R, A>, data: z.output<S>) => string);
}

/** A form of fields described in code (kernel/forms/views/form.njk draws them). */
export interface FieldListForm<P extends string, S extends z.ZodType, R, A = PathParams<P>>
  extends FormBase<P, S, R, A> {
  title: string | ((ctx: FormContext<P, R, A>) => string);
  fields: FieldDef[] | ((ctx: FormContext<P, R, A>) => Awaitable<FieldDef[]>);
  caption?: string | ((ctx: FormContext<P, R, A>) => string);
  intro?: string;
  submitText?: string;
  /** The Back link. */
  back?: (ctx: FormContext<P, R, A>) => string;
}

/**
 * A form with a template of its own. The template gets the view model plus `action` (where to
 * post), `values` and `errors` (the layout shows the error summary); it must set `title`.
 */
export interface TemplateForm<P extends string, S extends z.ZodType, R, A = PathParams<P>>
  extends FormBase<P, S, R, A> {
  template: string;
  view: (ctx: FormContext<P, R, A>) => Awaitable<Values>;
}

/** What a rejected post shows again: the field errors and the values as sent (without the CSRF token). */
export interface ShownForm {
  errors: FieldError[];
  values: Values;
}

/**
 * A form on a page that has a GET of its own (a meeting's agenda, decision and action forms on the
 * meeting page; a reply box on the feedback page): only the POST is registered, at `path`. A rejected
 * post draws that page again from `page` — its template and view model, given the errors and values —
 * with status 400; the view model's own `errors` / `values` win (to key them to one of several forms).
 */
export interface PageForm<P extends string, S extends z.ZodType, R, A = PathParams<P>>
  extends Omit<FormBase<P, S, R, A>, "postTo" | "initial"> {
  page: (ctx: FormContext<P, R, A>, shown: ShownForm) => Awaitable<{ template: string; view: Values }>;
}

export type FormSpec<P extends string, S extends z.ZodType, R, A = PathParams<P>> =
  | FieldListForm<P, S, R, A>
  | TemplateForm<P, S, R, A>
  | PageForm<P, S, R, A>;

/** The context of a request that passed the pipeline, with the record it is about. */
export function formContext<P extends string, R, A = PathParams<P>>(
  request: FastifyRequest,
  record: R,
): FormContext<P, R, A> {
  // The pipeline (needs) has replaced the raw parameters with the path's parsed ones.
  const typed = request as FastifyRequest<{ Params: A }>;
  return {
    request: typed,
    params: typed.params as A,
    record,
    audit: request.auditContext(),
    get partnership() {
      return request.partnership;
    },
  };
}

const resolve = <C, T>(value: T | ((ctx: C) => T), ctx: C): T =>
  typeof value === "function" ? (value as (ctx: C) => T)(ctx) : value;

/**
 * The one form route: GET renders the form; POST parses it with Zod and either shows it again
 * (400, GOV.UK error summary, values kept, nothing saved) or runs the service and redirects (303)
 * with a flash message. Field errors the service raises (AppError.validation) come back the same way.
 */
export function formRoute<P extends string, S extends z.ZodType, R = undefined, A = PathParams<P>>(
  app: FastifyInstance,
  spec: FormSpec<P, S, R, A>,
): void {
  if ("page" in spec) pageFormRoute(app, spec);
  else ownPageFormRoute(app, spec);
}

/** A form with a GET of its own (FieldListForm, TemplateForm). */
function ownPageFormRoute<P extends string, S extends z.ZodType, R, A>(
  app: FastifyInstance,
  spec: FieldListForm<P, S, R, A> | TemplateForm<P, S, R, A>,
) {
  const target = spec.postTo ?? spec.path;
  if (target.names.join() !== spec.path.names.join()) {
    throw new Error(`${target.pattern} must take the same parameters as ${spec.path.pattern}`);
  }

  async function context(request: FastifyRequest): Promise<FormContext<P, R, A>> {
    const record = spec.load ? found(await spec.load(formContext(request, undefined))) : (undefined as R);
    return formContext(request, record);
  }

  async function show(reply: FastifyReply, ctx: FormContext<P, R, A>, values: Values, errors: FieldError[] = []) {
    const action = target.from(ctx.params as Record<string, ParamValue>);
    // A form shown again after an error keeps its token: nothing was saved, so it may still be sent once.
    const once = (errors.length && postedOnceToken(ctx.request.body)) || onceToken();
    if ("template" in spec) {
      return reply
        .code(errors.length ? 400 : 200)
        .view(spec.template, { ...(await spec.view(ctx)), action, values, errors, onceToken: once });
    }
    return renderForm(reply, {
      title: resolve(spec.title, ctx),
      caption: spec.caption === undefined ? undefined : resolve(spec.caption, ctx),
      intro: spec.intro,
      submitText: spec.submitText,
      action,
      fields: await resolve(spec.fields, ctx),
      values,
      errors,
      backHref: spec.back?.(ctx),
      onceToken: once,
    });
  }

  app.get(spec.path.pattern, needs(spec.path, spec.needs), async (request, reply) => {
    const ctx = await context(request);
    return show(reply, ctx, spec.initial ? await spec.initial(ctx) : {});
  });

  app.post(target.pattern, needs(target, spec.postNeeds ?? spec.needs), async (request, reply) =>
    submit(app, spec, request, reply, await context(request), (ctx, shown) =>
      show(reply, ctx, shown.values, shown.errors),
    ),
  );
}

/** The POST of a form that sits on another route's page (PageForm). */
function pageFormRoute<P extends string, S extends z.ZodType, R, A>(app: FastifyInstance, spec: PageForm<P, S, R, A>) {
  app.post(spec.path.pattern, needs(spec.path, spec.postNeeds ?? spec.needs), async (request, reply) => {
    const record = spec.load ? found(await spec.load(formContext(request, undefined))) : (undefined as R);
    return submit(app, spec, request, reply, formContext(request, record), async (ctx, shown) => {
      const { template, view } = await spec.page(ctx, shown);
      return reply.code(400).view(template, { errors: shown.errors, values: shown.values, ...view });
    });
  });
}

/** Parse, save once, redirect with the flash; or show the form again with its errors (nothing saved). */
async function submit<P extends string, S extends z.ZodType, R, A>(
  app: FastifyInstance,
  spec: FormBase<P, S, R, A> | PageForm<P, S, R, A>,
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: FormContext<P, R, A>,
  reject: (ctx: FormContext<P, R, A>, shown: ShownForm) => unknown,
) {
  const form = parseForm(resolve(spec.schema, ctx), request.body);
  if (!form.ok) return reject(ctx, { errors: form.errors, values: form.values });
  let next: string;
  let savedFlash: string | undefined;
  try {
    // A repeat of a post already saved (a double click) goes where the first went, saving nothing.
    const saving = async () => {
      const saved = await spec.save(ctx, form.data);
      if (typeof saved === "string") return saved;
      savedFlash = saved.flash;
      return saved.redirect;
    };
    next = (await saveOnce(app.formsDb, request, saving)).location;
  } catch (error) {
    const errors = fieldErrorsOf(error);
    if (!errors) throw error;
    return reject(ctx, { errors, values: submittedValues(request.body) });
  }
  const message = savedFlash ?? (typeof spec.flash === "function" ? spec.flash(ctx, form.data) : spec.flash);
  if (message) reply.flash(message);
  return reply.redirect(next, 303);
}
