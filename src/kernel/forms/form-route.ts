import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from "fastify";
import type { z } from "zod";
import type { AuditContext } from "../audit/audit.ts";
import { AppError, type FieldError } from "../errors/app-error.ts";
import { parseForm, submittedValues } from "../http/forms.ts";
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

/** A page of the domain's own, drawn instead of a redirect (e.g. "Check your email"), status 200 unless said. */
export interface Shown {
  template: string;
  view: Values;
  status?: number;
}

/** What a form route may answer instead of the form (`instead`): a redirect or a page of its own. */
export type Answer = { redirect: string } | Shown;

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
  /** The reply, for a save that sets a cookie (a sign-in's session); answer through `save`'s result. */
  reply: FastifyReply;
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
  /**
   * What to answer instead of the form, on GET and before a POST's body is read: a link that can no
   * longer be used (its own page and status), a second step with no sign-in to finish (a redirect).
   */
  instead?: (ctx: FormContext<P, R, A>) => Awaitable<Answer | undefined>;
  /** The Zod schema of the post, or a function of the context when it depends on the record. */
  schema: S | ((ctx: FormContext<P, R, A>) => S);
  /** The values of a fresh form (an edit form's current record). */
  initial?: (ctx: FormContext<P, R, A>) => Awaitable<Values>;
  /**
   * Calls the service (which may throw AppError.validation to name fields, or any AppError with field
   * errors: a RATE_LIMITED one shows the form with 429 and Retry-After); returns where to go, or
   * where to go and the flash message when the message depends on what the service did, or (only
   * with `once: false`) a page to draw instead of redirecting.
   */
  save: (ctx: FormContext<P, R, A>, data: z.output<S>) => Promise<string | Saved | Shown>;
  /** The success message shown on the next page. */
  flash?: string | ((ctx: FormContext<P, R, A>, data: z.output<S>) => string);
  /**
   * `false` for forms that sign in or prove who someone is (sign-in, second step, new password): a
   * repeat post must check the credentials again, not follow the first, so no once-token is kept.
   */
  once?: false;
  /** Fields never sent back to the page (passwords, codes). */
  secret?: string[];
  /** Route options for both GET and POST, e.g. `logLevel: "warn"` where the path holds a credential. */
  routeOptions?: Pick<RouteShorthandOptions, "logLevel" | "config">;
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
  /** 400, or the status of the service's refusal (429 when throttled). */
  status: number;
}

/**
 * A form on a page that has a GET of its own (a meeting's agenda, decision and action forms on the
 * meeting page; a reply box on the feedback page): only the POST is registered, at `path`. A rejected
 * post draws that page again from `page` — its template and view model, given the errors and values —
 * with status 400; the view model's own `errors` / `values` win (to key them to one of several forms).
 */
export interface PageForm<P extends string, S extends z.ZodType, R, A = PathParams<P>>
  extends Omit<FormBase<P, S, R, A>, "postTo" | "initial" | "instead"> {
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
  reply: FastifyReply,
): FormContext<P, R, A> {
  // The pipeline (needs) has replaced the raw parameters with the path's parsed ones.
  const typed = request as FastifyRequest<{ Params: A }>;
  return {
    request: typed,
    params: typed.params as A,
    record,
    audit: request.auditContext(),
    reply,
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

/** Draws an answer: a redirect (303) or a page of the domain's own. */
function answer(reply: FastifyReply, given: Answer) {
  if ("redirect" in given) return reply.redirect(given.redirect, 303);
  return reply.code(given.status ?? 200).view(given.template, given.view);
}

/** The values a form shows again: as sent, without its secret fields. */
const shownValues = (values: Values, secret: string[] = []) =>
  Object.fromEntries(Object.entries(values).filter(([key]) => !secret.includes(key)));

/** A form with a GET of its own (FieldListForm, TemplateForm). */
function ownPageFormRoute<P extends string, S extends z.ZodType, R, A>(
  app: FastifyInstance,
  spec: FieldListForm<P, S, R, A> | TemplateForm<P, S, R, A>,
) {
  const target = spec.postTo ?? spec.path;
  if (target.names.join() !== spec.path.names.join()) {
    throw new Error(`${target.pattern} must take the same parameters as ${spec.path.pattern}`);
  }

  async function context(request: FastifyRequest, reply: FastifyReply): Promise<FormContext<P, R, A>> {
    const record = spec.load ? found(await spec.load(formContext(request, undefined, reply))) : (undefined as R);
    return formContext(request, record, reply);
  }

  async function show(ctx: FormContext<P, R, A>, values: Values, errors: FieldError[] = [], status = 400) {
    const { reply } = ctx;
    const action = target.from(ctx.params as Record<string, ParamValue>);
    // A form shown again after an error keeps its token: nothing was saved, so it may still be sent once.
    const once = spec.once === false ? undefined : (errors.length && postedOnceToken(ctx.request.body)) || onceToken();
    if ("template" in spec) {
      return reply
        .code(errors.length ? status : 200)
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
      status,
    });
  }

  /** GET and POST: answer `instead` of the form when it says so, else go on. */
  const route =
    (go: (ctx: FormContext<P, R, A>) => unknown) => async (request: FastifyRequest, reply: FastifyReply) => {
      const ctx = await context(request, reply);
      const instead = await spec.instead?.(ctx);
      return instead ? answer(reply, instead) : go(ctx);
    };

  app.get(
    spec.path.pattern,
    { ...spec.routeOptions, ...needs(spec.path, spec.needs) },
    route(async (ctx) => show(ctx, spec.initial ? await spec.initial(ctx) : {})),
  );

  app.post(
    target.pattern,
    { ...spec.routeOptions, ...needs(target, spec.postNeeds ?? spec.needs) },
    route((ctx) =>
      submit(app, spec, ctx.request, ctx.reply, ctx, (ctx, shown) =>
        show(ctx, shown.values, shown.errors, shown.status),
      ),
    ),
  );
}

/** The POST of a form that sits on another route's page (PageForm). */
function pageFormRoute<P extends string, S extends z.ZodType, R, A>(app: FastifyInstance, spec: PageForm<P, S, R, A>) {
  const options = { ...spec.routeOptions, ...needs(spec.path, spec.postNeeds ?? spec.needs) };
  app.post(spec.path.pattern, options, async (request, reply) => {
    const record = spec.load ? found(await spec.load(formContext(request, undefined, reply))) : (undefined as R);
    return submit(app, spec, request, reply, formContext(request, record, reply), async (ctx, shown) => {
      const { template, view } = await spec.page(ctx, shown);
      return reply.code(shown.status).view(template, { errors: shown.errors, values: shown.values, ...view });
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
  if (!form.ok) return reject(ctx, { errors: form.errors, values: shownValues(form.values, spec.secret), status: 400 });
  let next = "";
  let savedFlash: string | undefined;
  let page: Shown | undefined;
  try {
    const saving = async () => {
      const saved = await spec.save(ctx, form.data);
      if (typeof saved === "string") return saved;
      if ("template" in saved) {
        if (spec.once !== false) throw new Error(`${request.routeOptions.url}: a page after saving needs once: false`);
        page = saved;
        return "";
      }
      savedFlash = saved.flash;
      return saved.redirect;
    };
    // A repeat of a post already saved (a double click) goes where the first went, saving nothing.
    next = spec.once === false ? await saving() : (await saveOnce(app.formsDb, request, saving)).location;
  } catch (error) {
    // A refusal naming fields (AppError.validation, or a throttle's RATE_LIMITED) shows the form again.
    const refused = error instanceof AppError && error.details.fieldErrors?.length ? error : undefined;
    if (!refused) throw error;
    if (refused.details.retryAfterSeconds) reply.header("retry-after", String(refused.details.retryAfterSeconds));
    const values = shownValues(submittedValues(request.body), spec.secret);
    return reject(ctx, { errors: refused.details.fieldErrors!, values, status: refused.status });
  }
  if (page) return answer(reply, page);
  const message = savedFlash ?? (typeof spec.flash === "function" ? spec.flash(ctx, form.data) : spec.flash);
  if (message) reply.flash(message);
  return reply.redirect(next, 303);
}
