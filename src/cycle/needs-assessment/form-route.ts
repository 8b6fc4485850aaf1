import type { FastifyInstance, FastifyRequest } from "fastify";
import type { z } from "zod";
import { AppError } from "../../kernel/errors/app-error.ts";
import { type FieldDef, type FormContext, formRoute } from "../../kernel/forms/index.ts";
import type { Path } from "../../kernel/http/paths.ts";
import type { PartnershipRow } from "../../workspace/partnerships/index.ts";
import { needsAssessmentPaths } from "./paths.ts";
import { type SectionDef, sectionsFor } from "./sections.ts";

export interface NeedsFormContext {
  partnership: PartnershipRow;
  /** The section named in the path, when the form is for one. */
  section: SectionDef | null;
  request: FastifyRequest;
}

/** The parameters of an assessment form's path: the partnership, and the section if it names one. */
type NeedsFormParams = { id: string; section?: string };

export interface NeedsFormSpec<S extends z.ZodType, P extends string, A extends NeedsFormParams> {
  /** A path of paths.ts under /partnerships/:id/needs-assessment; may name a :section. */
  path: Path<P, A>;
  title: (ctx: NeedsFormContext) => string;
  intro?: string;
  submitText?: string;
  fields: FieldDef[] | ((ctx: NeedsFormContext) => FieldDef[] | Promise<FieldDef[]>);
  schema: S;
  initial?: (ctx: NeedsFormContext) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Saves (may throw AppError.validation); returns the fragment of the assessment page to go back to. */
  save: (ctx: NeedsFormContext, data: z.infer<S>) => Promise<string>;
}

export const assessmentUrl = (partnershipId: string) => needsAssessmentPaths.assessment(partnershipId);

/** The record of an assessment form: the section it is for, if its path names one. */
interface Target {
  section: SectionDef | null;
}

/**
 * A form page of the assessment (editors and leads): the kernel's one form route, with the
 * section at `:section` as its record (a code the nation's framework lacks is a 404), back to
 * that section of the assessment with a flash message once saved.
 */
export function needsFormRoute<S extends z.ZodType, P extends string, A extends NeedsFormParams>(
  app: FastifyInstance,
  spec: NeedsFormSpec<S, P, A>,
): void {
  const of = (ctx: FormContext<string, Target>): NeedsFormContext => ({
    partnership: ctx.partnership as PartnershipRow,
    section: ctx.record.section,
    request: ctx.request,
  });
  const back = (ctx: FormContext<string, Target>) => {
    const base = assessmentUrl(ctx.partnership.id);
    return ctx.record.section ? `${base}#section-${ctx.record.section.code}` : base;
  };
  formRoute<P, S, Target, A>(app, {
    path: spec.path,
    needs: { partnership: "partnership:edit" },
    load: async (ctx) => {
      const code = ctx.params.section;
      if (code === undefined) return { section: null };
      const section = sectionsFor(ctx.partnership.nation).sections.find((item) => item.code === code);
      if (!section) throw AppError.notFound();
      return { section };
    },
    title: (ctx) => spec.title(of(ctx)),
    caption: (ctx) => `${ctx.partnership.name}: needs assessment`,
    intro: spec.intro,
    submitText: spec.submitText,
    fields: (ctx) => (typeof spec.fields === "function" ? spec.fields(of(ctx)) : spec.fields),
    schema: spec.schema,
    initial: spec.initial ? (ctx) => spec.initial!(of(ctx)) : undefined,
    save: async (ctx, data) => `${assessmentUrl(ctx.partnership.id)}${await spec.save(of(ctx), data)}`,
    back,
    flash: "Your changes have been saved",
  });
}
