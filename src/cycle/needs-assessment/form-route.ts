import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../../kernel/errors/app-error.ts";
import { parseForm } from "../../kernel/http/forms.ts";
import { fieldErrorsOf } from "../../kernel/http/params.ts";
import { path } from "../../kernel/http/paths.ts";
import { needs } from "../../kernel/http/pipeline.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { type FieldDef, renderForm, type SubnavContext } from "../../kernel/forms/index.ts";
import { type SectionDef, sectionsFor } from "./sections.ts";

export interface NeedsFormContext {
  partnership: PartnershipRow;
  /** The section named in the path, when the form is for one. */
  section: SectionDef | null;
  request: FastifyRequest;
}

export interface NeedsFormSpec<S extends z.ZodType> {
  /** Path under /partnerships/:id/needs-assessment; may contain :section. */
  path: string;
  title: (ctx: NeedsFormContext) => string;
  intro?: string;
  submitText?: string;
  fields: FieldDef[] | ((ctx: NeedsFormContext) => FieldDef[] | Promise<FieldDef[]>);
  schema: S;
  initial?: (ctx: NeedsFormContext) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Saves (may throw AppError.validation); returns the fragment of the assessment page to go back to. */
  save: (ctx: NeedsFormContext, data: z.infer<S>) => Promise<string>;
}

/** A section code in the path: checked against the nation's sections once the partnership is loaded. */
const sectionCode = z.string().max(60);

export const assessmentUrl = (partnershipId: string) => `/partnerships/${partnershipId}/needs-assessment`;

/**
 * A form page of the assessment: GET shows it, POST authorizes (editors and leads) before
 * parsing, then saves and redirects back (303), or shows it again with errors and values (400).
 * @deprecated A near-copy of the kernel's form route: new forms call `formRoute` (kernel/forms)
 * with a path from the domain's paths.ts (a `:section` parameter takes a Zod schema there) and a
 * `flash` message instead of `?saved=1`. The later wave of issue 10 moves these forms and deletes this.
 */
export function registerNeedsForm<S extends z.ZodType>(app: FastifyInstance, spec: NeedsFormSpec<S>): void {
  const url = path(`/partnerships/:id/needs-assessment${spec.path}`, { section: sectionCode } as never);
  const need = needs(url, { partnership: "partnership:edit" });

  async function context(request: FastifyRequest): Promise<NeedsFormContext> {
    const partnership = request.partnership;
    const code = (request.params as { section?: string }).section;
    let section: SectionDef | null = null;
    if (code !== undefined) {
      section = sectionsFor(partnership.nation).sections.find((item) => item.code === code) ?? null;
      if (!section) throw AppError.notFound();
    }
    return { partnership, section, request };
  }

  async function page(
    ctx: NeedsFormContext,
    values: Record<string, unknown>,
    errors?: { field: string; message: string }[],
  ) {
    const back = assessmentUrl(ctx.partnership.id);
    return {
      title: spec.title(ctx),
      caption: `${ctx.partnership.name}: needs assessment`,
      intro: spec.intro,
      submitText: spec.submitText,
      action: `${back}${spec.path.replace(":section", ctx.section?.code ?? "")}`,
      fields: typeof spec.fields === "function" ? await spec.fields(ctx) : spec.fields,
      values,
      errors,
      backHref: ctx.section ? `${back}#section-${ctx.section.code}` : back,
      // The shared form page only reads the partnership's id, name and nation from this.
      subnav: {
        partnershipId: ctx.partnership.id,
        partnershipName: ctx.partnership.name,
        nation: ctx.partnership.nation,
        current: "strategy",
      } as SubnavContext,
    };
  }

  app.get(url.pattern, need, async (request, reply) => {
    const ctx = await context(request);
    return renderForm(reply, await page(ctx, spec.initial ? await spec.initial(ctx) : {}));
  });

  app.post(url.pattern, need, async (request, reply) => {
    const ctx = await context(request);
    const form = parseForm(spec.schema, request.body);
    if (!form.ok) return renderForm(reply, await page(ctx, form.values, form.errors));
    try {
      const fragment = await spec.save(ctx, form.data);
      return reply.redirect(`${assessmentUrl(ctx.partnership.id)}?saved=1${fragment}`, 303);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (!errors) throw error;
      const values = Object.fromEntries(
        Object.entries((request.body as Record<string, unknown>) ?? {}).filter(([key]) => key !== "_csrf"),
      );
      return renderForm(reply, await page(ctx, values, errors));
    }
  });
}
