import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, type FieldError } from "../errors/app-error.ts";
import type { ParamValue, Path, PathParams } from "../http/paths.ts";
import { found, type Need, needs } from "../http/pipeline.ts";
import { type FormContext, formContext } from "./form-route.ts";
import { claimOnce, onceToken, postedOnceToken } from "./once.ts";

type Awaitable<T> = T | Promise<T>;

export interface DeleteSpec<P extends string, R, A = PathParams<P>> {
  /** GET asks the question; POST removes. */
  path: Path<P, A>;
  needs: Need<NoInfer<A>>;
  /** The record to remove; gone (or another partnership's) is a 404 page, and nothing changes. */
  load: (ctx: FormContext<P, undefined, A>) => Promise<R | null | undefined>;
  /** The page's heading, naming the record: "Are you sure you want to remove “Transport to work”?" */
  question: (ctx: FormContext<P, R, A>) => string;
  /** What else will be lost with it, said before anyone confirms ("its 3 evidence links"). */
  consequences?: (ctx: FormContext<P, R, A>) => Awaitable<string[]>;
  /** What introduces the consequences; "This will also remove:" unless said (a withdrawal keeps the record). */
  consequencesIntro?: string;
  /** The warning above the button; "This cannot be undone." unless said. */
  warning?: string;
  /** The confirming button; "Yes, remove it" unless said. */
  confirmText?: string;
  /** Calls the service (audited there). */
  remove: (ctx: FormContext<P, R, A>) => Promise<unknown>;
  /** Where to go afterwards, and where Cancel leads. */
  done: (ctx: FormContext<P, R, A>) => string;
  flash: string | ((ctx: FormContext<P, R, A>) => string);
}

/**
 * Remove or delete with confirmation (the GOV.UK pattern): a page that names the record and what
 * will be lost, with a warning button and Cancel; the POST performs it and redirects with a flash
 * message. A record already removed gives the 404 page and changes nothing.
 */
export function deleteRoute<P extends string, R, A = PathParams<P>>(
  app: FastifyInstance,
  spec: DeleteSpec<P, R, A>,
): void {
  const context = async (request: FastifyRequest, reply: FastifyReply) =>
    formContext<P, R, A>(request, found(await spec.load(formContext(request, undefined, reply))), reply);

  const page = async (ctx: FormContext<P, R, A>, errors?: FieldError[]) => ({
    title: spec.question(ctx),
    consequences: spec.consequences ? await spec.consequences(ctx) : [],
    consequencesIntro: spec.consequencesIntro ?? "This will also remove:",
    warning: spec.warning ?? "This cannot be undone.",
    confirmText: spec.confirmText ?? "Yes, remove it",
    action: spec.path.from(ctx.params as Record<string, ParamValue>),
    cancelHref: spec.done(ctx),
    onceToken: onceToken(),
    errors,
  });

  app.get(spec.path.pattern, needs(spec.path, spec.needs), async (request, reply) => {
    return reply.view("forms/views/confirm.njk", await page(await context(request, reply)));
  });

  app.post(spec.path.pattern, needs(spec.path, spec.needs), async (request, reply) => {
    // A second click on "Yes, remove it" waits for the first and follows it, instead of the 404
    // the record (gone by then) would give. Claimed before loading, for that reason.
    const token = postedOnceToken(request.body);
    const claim = token ? await claimOnce(app.formsDb, request, token) : undefined;
    if (claim && !claim.ok) return reply.redirect(claim.location, 303);
    let done: string;
    let ctx: FormContext<P, R, A> | undefined;
    try {
      ctx = await context(request, reply);
      await spec.remove(ctx);
      const message = typeof spec.flash === "function" ? spec.flash(ctx) : spec.flash;
      reply.flash(message);
      done = spec.done(ctx);
    } catch (error) {
      await claim?.release();
      // A removal the service refuses (the partnership's only lead) is said on the question's
      // page, at its button, and nothing changes.
      const refused = error instanceof AppError ? error.details.fieldErrors : undefined;
      if (ctx && refused?.length) {
        const errors = refused.map((refusal) => ({ field: "confirm", message: refusal.message }));
        return reply.code(400).view("forms/views/confirm.njk", await page(ctx, errors));
      }
      throw error;
    }
    await claim?.done(done);
    return reply.redirect(done, 303);
  });
}
