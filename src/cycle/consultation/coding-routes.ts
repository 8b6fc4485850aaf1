import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { recordAudit } from "../../kernel/audit/audit.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { sendCsv } from "../../kernel/http/csv.ts";
import { sendXlsx } from "../../kernel/http/xlsx.ts";
import { found, may, needs, type ParsedRequest } from "../../kernel/http/pipeline.ts";
import { loadAnalysis } from "./analysis.ts";
import { DISCLOSURE_NOTE } from "./public-view.ts";
import { listThemes } from "./coding-repository.ts";
import { saveCodes } from "./coding-service.ts";
import { responsesSheet, themeCountsSheet } from "./exports.ts";
import { consultationPaths as paths } from "./paths.ts";
import { findActivity } from "./register-repository.ts";
import { pageOfTextAnswers, responsesForExport, type TextFilter } from "./response-repository.ts";
import { findQuestion, findSurveyOf, listQuestions, toQuestionDef } from "./survey-repository.ts";
import { wordingFor } from "./survey-model.ts";
import { registerThemeRoutes } from "./theme-routes.ts";

const read = { partnership: "partnership:read" } as const;
const freeText = { partnership: "consultation:read-free-text" } as const;
const PAGE_SIZE = 25;

const answersQuery = z.object({
  filter: z
    .string()
    .regex(/^(all|uncoded|theme:[0-9a-f-]{36})$/)
    .catch("all"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

function textFilter(filter: string): TextFilter {
  if (filter === "uncoded") return { kind: "uncoded" };
  if (filter.startsWith("theme:")) return { kind: "theme", themeId: filter.slice(6) };
  return { kind: "all" };
}

/** Analysis, coding free text against the code frame, exports; themes and quotes in theme-routes.ts. */
export function registerCodingRoutes(app: FastifyInstance, context: AppContext): void {
  const { db } = context;
  registerThemeRoutes(app, context);

  async function surveyOf(partnershipId: string, activityId: string) {
    const activity = found(await findActivity(db, partnershipId, activityId));
    return { activity, survey: found(await findSurveyOf(db, partnershipId, activityId)) };
  }

  app.get(paths.analysis.pattern, needs(paths.analysis, read), async (request, reply) => {
    const { partnership, params } = request;
    const { activity, survey } = await surveyOf(partnership.id, params.activityId);
    const analysis = await loadAnalysis(db, partnership.id, activity, survey);
    const ids = [partnership.id, activity.id] as const;
    return reply.view("consultation/views/analysis.njk", {
      title: `Responses and analysis: ${activity.title} – ${partnership.name}`,
      activity,
      survey,
      analysis,
      disclosureNote: DISCLOSURE_NOTE,
      activityHref: paths.activity(...ids),
      answersHref: (questionId: string) => paths.answers(...ids, questionId),
      exportHref: (what: "responses" | "themes", format: "csv" | "xlsx") => paths.exports(...ids, what, format),
      canReadText: may(request, "consultation:read-free-text"),
    });
  });

  async function loadAnswersPage(request: ParsedRequest<{ activityId: string; questionId: string }>) {
    const { partnership } = request;
    const params = request.params;
    const { activity, survey } = await surveyOf(partnership.id, params.activityId);
    const row = await findQuestion(db, partnership.id, survey.id, params.questionId);
    if (row?.kind !== "text") throw AppError.notFound();
    const query = answersQuery.parse(request.query ?? {});
    const [page, themes] = await Promise.all([
      pageOfTextAnswers(db, partnership.id, row.id, textFilter(query.filter), query.page, PAGE_SIZE),
      listThemes(db, partnership.id, activity.id),
    ]);
    return { activity, question: toQuestionDef(row), query, page, themes };
  }

  app.get(paths.answers.pattern, needs(paths.answers, freeText), async (request, reply) => {
    const { partnership } = request;
    const { activity, question, query, page, themes } = await loadAnswersPage(request);
    // Reading children's and families' own words is a sensitive read: it is audited.
    await recordAudit(db, request.auditContext(), {
      action: "consultation.free_text.read",
      entityType: "survey_question",
      entityId: question.id,
      partnershipId: partnership.id,
      after: { filter: query.filter, page: query.page, answers: page.rows.length },
    });
    const ids = [partnership.id, activity.id] as const;
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    const link = (p: number, filter = query.filter) =>
      `${paths.answers(...ids, question.id)}?filter=${encodeURIComponent(filter)}&page=${p}`;
    return reply.view("consultation/views/answers.njk", {
      title: `Answers to ${question.code}: ${activity.title}`,
      activity,
      question: { ...question, text: wordingFor(question, "standard", "en").text },
      query,
      page,
      themes,
      pages,
      link,
      action: link(query.page),
      activityHref: paths.activity(...ids),
      analysisHref: paths.analysis(...ids),
      themeAddHref: paths.themeAdd(...ids),
      quoteHref: (answerId: string) => paths.quoteFromAnswer(...ids, answerId),
      canEdit: may(request, "partnership:edit"),
    });
  });

  app.post(paths.answers.pattern, needs(paths.answers, freeText), async (request, reply) => {
    const { partnership, params } = request;
    if (!may(request, "partnership:edit")) throw AppError.forbidden();
    const { query } = await loadAnswersPage(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const list = (value: unknown) =>
      (Array.isArray(value) ? value : value === undefined || value === "" ? [] : [value]).map(String);
    const answerIds = list(body.answer).slice(0, PAGE_SIZE * 2);
    const codes = new Map(answerIds.map((id) => [id, list(body[`codes-${id}`])]));
    await saveCodes(db, request.auditContext(), partnership.id, params.activityId, codes);
    return reply
      .flash(`Themes saved for ${codes.size} answers`)
      .redirect(
        `${paths.answers(partnership.id, params.activityId, params.questionId)}?filter=${encodeURIComponent(query.filter)}&page=${query.page}`,
        303,
      );
  });

  app.get(paths.exports.pattern, needs(paths.exports, read), async (request, reply) => {
    const { partnership, params } = request;
    const { activity, survey } = await surveyOf(partnership.id, params.activityId);
    let sheet: { header: string[]; rows: (string | number)[][] };
    if (params.what === "responses") {
      // The responses hold free text: only people with a role in the partnership, and audited.
      if (!may(request, "consultation:read-free-text")) throw AppError.forbidden();
      const [questions, responses] = await Promise.all([
        listQuestions(db, survey.id),
        responsesForExport(db, survey.id),
      ]);
      sheet = responsesSheet(questions, responses);
      await recordAudit(db, request.auditContext(), {
        action: "consultation.responses.export",
        entityType: "survey",
        entityId: survey.id,
        partnershipId: partnership.id,
        after: { format: params.format, responses: responses.length },
      });
    } else sheet = themeCountsSheet(await loadAnalysis(db, partnership.id, activity, survey));
    const name = `${params.what}-${activity.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, 60)}`;
    if (params.format === "csv") return sendCsv(reply, `${name}.csv`, sheet.header, sheet.rows);
    return sendXlsx(reply, `${name}.xlsx`, {
      name: params.what === "responses" ? "Responses" : "Themes",
      title: activity.title,
      ...sheet,
    });
  });
}
