import type { FastifyInstance, FastifyReply } from "fastify";
import { fileUploadScope } from "../../kernel/http/upload-scope.ts";
import { z } from "zod";
import type { FieldError } from "../../kernel/errors/app-error.ts";
import { deleteRoute, formRoute } from "../../kernel/forms/index.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { fieldErrorsOf } from "../../kernel/http/forms.ts";
import { found, may, needs, type ParsedRequest } from "../../kernel/http/pipeline.ts";
import { londonToday } from "../../kernel/time.ts";
import { questionValues } from "./form-values.ts";
import { questionFields, surveyFields, surveyValues } from "./forms.ts";
import { consultationPaths as paths, publicPaths } from "./paths.ts";
import { findActivity } from "./register-repository.ts";
import { importPaperResponses } from "./response-service.ts";
import { questionSchema, surveyForm } from "./schemas.ts";
import { optionLabel, questionKindLabels, toPages, wordingFor } from "./survey-model.ts";
import * as repo from "./survey-repository.ts";
import { changeQuestion, saveQuestion, saveSkips, saveSurvey } from "./survey-service.ts";

const read = { partnership: "partnership:read" } as const;
const edit = { partnership: "partnership:edit" } as const;
const IMPORT_BYTES = 5 * 1024 * 1024;

/** The survey builder: settings, questions in both versions (and Welsh), skip logic, paper responses. */
export function registerSurveyRoutes(app: FastifyInstance, { db }: AppContext): void {
  type Ids = { params: { id: string; activityId: string } };
  const surveyHref = (ctx: Ids) => paths.survey(ctx.params.id, ctx.params.activityId);
  const loadSurvey = (ctx: Ids) => repo.findSurveyOf(db, ctx.params.id, ctx.params.activityId);
  const loadQuestion = async (ctx: Ids & { params: { questionId: string } }) => {
    const survey = await loadSurvey(ctx);
    const row = survey ? await repo.findQuestion(db, ctx.params.id, survey.id, ctx.params.questionId) : undefined;
    return row && survey ? { survey, question: repo.toQuestionDef(row) } : undefined;
  };

  app.get(paths.survey.pattern, needs(paths.survey, read), async (request, reply) => {
    const { partnership, params } = request;
    const activity = found(await findActivity(db, partnership.id, params.activityId));
    const survey = await repo.findSurveyOf(db, partnership.id, activity.id);
    const questions = survey ? await repo.listQuestions(db, survey.id) : [];
    const answered = survey ? await repo.answeredQuestionIds(db, survey.id) : new Set<string>();
    const ids = [partnership.id, activity.id] as const;
    return reply.view("consultation/views/survey.njk", {
      title: `Survey: ${activity.title} – ${partnership.name}`,
      activity,
      survey,
      activityHref: paths.activity(...ids),
      settingsHref: paths.surveySettings(...ids),
      addHref: paths.questionAdd(...ids),
      importHref: paths.paperImport(...ids),
      publicHref: publicPaths.consultation(activity.id),
      canEdit: may(request, "partnership:edit"),
      pages: toPages(questions).map((page) => ({
        ...page,
        questions: page.questions.map((q) => ({
          ...q,
          text: wordingFor(q, "standard", "en").text,
          young: q.wording["young-en"]?.text ?? "",
          kindLabel: questionKindLabels[q.kind],
          options: q.options.map((o) => ({ label: optionLabel(o, "standard", "en"), skipTo: o.skipTo })),
          answered: answered.has(q.id),
          editHref: paths.question(...ids, q.id),
          skipHref: q.kind === "single" ? paths.questionSkips(...ids, q.id) : null,
          removeHref: paths.questionRemove(...ids, q.id),
          change: (change: "hide" | "show" | "up" | "down") => paths.questionChange(...ids, q.id, change),
        })),
      })),
    });
  });

  formRoute(app, {
    path: paths.surveySettings,
    needs: edit,
    load: async (ctx) => {
      const activity = await findActivity(db, ctx.params.id, ctx.params.activityId);
      return activity ? { activity, survey: await loadSurvey(ctx) } : undefined;
    },
    title: (ctx) => (ctx.record.survey ? "Change the survey's settings" : "Set up an online survey"),
    caption: (ctx) => ctx.record.activity.title,
    intro:
      "The survey is public and needs no account. Answers are anonymous: no internet address or device details are kept. Each question has a standard and a young people's wording; answers to both are pooled.",
    fields: (ctx) => surveyFields(ctx.partnership.nation === "wales"),
    schema: surveyForm,
    initial: (ctx) => surveyValues(ctx.record.survey),
    save: async (ctx, data) => {
      await saveSurvey(db, ctx.audit, ctx.partnership, ctx.params.activityId, data);
      return surveyHref(ctx);
    },
    flash: "The survey's settings have been saved",
    back: surveyHref,
  });

  formRoute(app, {
    path: paths.questionAdd,
    needs: edit,
    load: loadSurvey,
    title: "Add a question",
    fields: (ctx) => questionFields(ctx.record.welsh, null),
    schema: questionSchema(null),
    initial: () => ({ page: "1", required: "no", scale: "quality" }),
    save: async (ctx, data) => {
      await saveQuestion(db, ctx.audit, ctx.partnership.id, ctx.params.activityId, null, data);
      return surveyHref(ctx);
    },
    flash: "The question has been added",
    back: surveyHref,
  });

  formRoute(app, {
    path: paths.question,
    needs: edit,
    load: loadQuestion,
    title: (ctx) => `Change question ${ctx.record.question.code}`,
    caption: (ctx) => questionKindLabels[ctx.record.question.kind],
    fields: (ctx) => questionFields(ctx.record.survey.welsh, ctx.record.question),
    schema: (ctx) => questionSchema(ctx.record.question.kind),
    initial: (ctx) => questionValues(ctx.record.question),
    save: async (ctx, data) => {
      await saveQuestion(db, ctx.audit, ctx.partnership.id, ctx.params.activityId, ctx.record.question.id, data);
      return surveyHref(ctx);
    },
    flash: "The question has been saved",
    back: surveyHref,
  });

  formRoute(app, {
    path: paths.questionSkips,
    needs: edit,
    load: async (ctx) => {
      const found = await loadQuestion(ctx);
      return found?.question.kind === "single"
        ? { ...found, all: await repo.listQuestions(db, found.survey.id) }
        : undefined;
    },
    title: (ctx) => `Skip logic for question ${ctx.record.question.code}`,
    intro: "After this question's page, people go to the next page unless the answer they chose says otherwise.",
    fields: (ctx) => {
      const pages = [
        ...new Set(ctx.record.all.filter((q) => !q.hidden && q.page > ctx.record.question.page).map((q) => q.page)),
      ];
      return ctx.record.question.options.map((option) => ({
        id: `skip-${option.value}`,
        label: `If someone answers “${optionLabel(option, "standard", "en")}”`,
        type: "select" as const,
        items: [
          { value: "next", text: "Go to the next page" },
          ...pages.sort((a, b) => a - b).map((page) => ({ value: String(page), text: `Skip to page ${page}` })),
          { value: "end", text: "Skip to the end (check answers)" },
        ],
      }));
    },
    schema: z.record(z.string(), z.unknown()),
    initial: (ctx) =>
      Object.fromEntries(
        ctx.record.question.options.map((o) => [
          `skip-${o.value}`,
          o.skipTo === null || o.skipTo === undefined ? "next" : String(o.skipTo),
        ]),
      ),
    save: async (ctx, data) => {
      await saveSkips(
        db,
        ctx.audit,
        ctx.partnership.id,
        ctx.params.activityId,
        ctx.record.question.id,
        data,
        ctx.record.all,
      );
      return surveyHref(ctx);
    },
    flash: "The skip logic has been saved",
    back: surveyHref,
  });

  app.post(paths.questionChange.pattern, needs(paths.questionChange, edit), async (request, reply) => {
    const { partnership, params } = request;
    const change = params.change as "hide" | "show" | "up" | "down";
    await changeQuestion(db, request.auditContext(), partnership.id, params.activityId, params.questionId, change);
    const done = {
      hide: "The question is hidden",
      show: "The question is shown again",
      up: "The question has been moved",
      down: "The question has been moved",
    };
    return reply.flash(done[change]).redirect(paths.survey(partnership.id, params.activityId), 303);
  });

  deleteRoute(app, {
    path: paths.questionRemove,
    needs: edit,
    load: loadQuestion,
    question: (ctx) =>
      `Are you sure you want to delete question ${ctx.record.question.code}, “${wordingFor(ctx.record.question, "standard", "en").text}”?`,
    confirmText: "Yes, delete it",
    remove: (ctx) =>
      changeQuestion(db, ctx.audit, ctx.partnership.id, ctx.params.activityId, ctx.record.question.id, "delete"),
    done: surveyHref,
    flash: "The question has been deleted",
  });

  async function showImport(
    request: ParsedRequest<{ activityId: string }>,
    reply: FastifyReply,
    errors: FieldError[] = [],
  ) {
    const { partnership } = request;
    const { activityId } = request.params;
    const activity = found(await findActivity(db, partnership.id, activityId));
    found(await repo.findSurveyOf(db, partnership.id, activityId));
    return reply.code(errors.length ? 400 : 200).view("consultation/views/import.njk", {
      title: `Import paper responses – ${activity.title}`,
      activity,
      action: paths.paperImport(partnership.id, activityId),
      exportHref: paths.exports(partnership.id, activityId, "responses", "xlsx"),
      backHref: paths.survey(partnership.id, activityId),
      errors,
    });
  }

  app.get(paths.paperImport.pattern, needs(paths.paperImport, edit), (request, reply) => showImport(request, reply));

  fileUploadScope(app, IMPORT_BYTES, (scope) => {
    scope.post(
      paths.paperImport.pattern,
      { ...needs(paths.paperImport, edit), config: { uploadLimit: "5 MB" } },
      async (request, reply) => {
        const { partnership, params } = request;
        const field = (request.body as Record<string, unknown> | undefined)?.file as
          | { type?: string; filename?: string; _buf?: Buffer | null; file?: { truncated?: boolean } }
          | undefined;
        if (field?.type !== "file" || !field._buf?.length)
          return showImport(request, reply, [{ field: "file", message: "Select a CSV or Excel file" }]);
        try {
          const count = await importPaperResponses(
            db,
            request.auditContext(),
            partnership.id,
            params.activityId,
            { name: field.filename ?? "upload", content: field._buf, truncated: field.file?.truncated === true },
            londonToday(),
          );
          return reply
            .flash(`${count} paper responses have been imported`)
            .redirect(paths.analysis(partnership.id, params.activityId), 303);
        } catch (error) {
          const errors = fieldErrorsOf(error);
          if (!errors) throw error;
          return showImport(request, reply, errors);
        }
      },
    );
  });
}
