import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { can, type Nation } from "../../kernel/auth/policy.ts";
import type { FieldError } from "../../kernel/errors/app-error.ts";
import type { AppContext } from "../../kernel/http/context.ts";
import { found, needs, type ParsedRequest } from "../../kernel/http/pipeline.ts";
import { londonToday } from "../../kernel/time.ts";
import {
  DISCLOSURE_NOTE,
  type Language,
  loadPublicSurvey,
  openSurveys,
  publicPaths as paths,
  publishedActivities,
  publishedConsultations,
  surveyIsOpen,
} from "../consultation/index.ts";
import { findDraft } from "./drafts.ts";
import { advance, firstStep, type Step, type SurveyContext, startDraft } from "./runner-service.ts";
import { stepView } from "./step-view.ts";
import { longDateIn, uiText } from "./ui-text.ts";

const pub = { public: true } as const;
const langQuery = z.object({ lang: z.enum(["en", "cy"]).catch("en") });
/** Survey posts are small: a page of answers. Anything bigger is refused before it is read. */
const SURVEY_BODY_LIMIT = 256 * 1024;
// Request log lines carry the client's address: the public survey's routes log only warnings and errors.
const quiet = { config: { exitThisPage: true }, logLevel: "warn" as const };

/** The public pages: "Have your say", each survey from start to thank-you, and "you said, we did". */
export function registerPublicRoutes(app: FastifyInstance, { db }: AppContext): void {
  async function loadSurvey(activityId: string) {
    return { ...found(await loadPublicSurvey(db, activityId)), today: londonToday() };
  }
  const canPreview = (request: FastifyRequest, partnership: { id: string; nation: string }) =>
    can(request.actor, "partnership:edit", { partnershipId: partnership.id, nation: partnership.nation as Nation });

  function chrome(language: Language, nation: string, extra: Record<string, unknown> = {}) {
    const ui = uiText(language);
    return {
      ui,
      mainLang: language === "cy" ? "cy" : undefined,
      pageTitleLang: language === "cy" ? "cy" : undefined,
      errorSummaryTitle: ui.errorSummary,
      nation,
      exitThisPage: true,
      exitThisPageParams: {
        text: ui.exitThisPage,
        activatedText: ui.exitActivated,
        timedOutText: ui.exitTimedOut,
        pressTwoMoreTimesText: ui.exitTwoMore,
        pressOneMoreTimeText: ui.exitOneMore,
      },
      ...extra,
    };
  }

  app.get(paths.index.pattern, { ...needs(paths.index, pub), ...quiet }, async (_request, reply) => {
    const today = londonToday();
    const [open, closed] = await Promise.all([openSurveys(db, today), publishedActivities(db)]);
    return reply.view("have-your-say/views/index.njk", {
      ...chrome("en", ""),
      title: "Have your say",
      open: open.map((row) => ({
        ...row,
        href: paths.consultation(row.activityId),
        closes: longDateIn(row.closesOn, "en"),
      })),
      closed: closed.map((row) => ({ ...row, href: paths.results(row.activityId) })),
    });
  });

  async function showStart(
    request: ParsedRequest<{ activityId: string }>,
    reply: FastifyReply,
    language: Language | null,
    errors: FieldError[] = [],
  ) {
    const { activityId } = request.params;
    const { survey, activity, partnership, today } = await loadSurvey(activityId);
    const lang: Language = language ?? langQuery.parse(request.query ?? {}).lang;
    const chosen: Language = lang === "cy" && survey.welsh ? "cy" : "en";
    const open = surveyIsOpen(survey, today) && !activity.publishedAt;
    return reply.code(errors.length ? 400 : 200).view("have-your-say/views/start.njk", {
      ...chrome(chosen, partnership.nation),
      title: activity.title,
      activity,
      owner: partnership,
      survey,
      state: activity.publishedAt ? "reported-back" : open ? "open" : today < survey.opensOn ? "not-open" : "closed",
      preview: !open && canPreview(request, partnership),
      dates: {
        opens: longDateIn(survey.opensOn, chosen),
        closes: longDateIn(survey.closesOn, chosen),
        feedbackBy: longDateIn(activity.feedbackBy, chosen),
      },
      intro: { young: survey.intro[`young-${chosen}`] ?? "", standard: survey.intro[`standard-${chosen}`] ?? "" },
      startAction: paths.start(activityId),
      resultsHref: paths.results(activityId),
      switchHref: survey.welsh ? `${paths.consultation(activityId)}?lang=${uiText(chosen).switchLanguage.lang}` : null,
      errors,
    });
  }

  app.get(paths.consultation.pattern, { ...needs(paths.consultation, pub), ...quiet }, (request, reply) =>
    showStart(request, reply, null),
  );

  async function render(
    reply: FastifyReply,
    context: SurveyContext & { activity: { id: string; title: string }; nation: string },
    draft: { version: string; language: string; answers: Record<string, unknown>; preview: boolean; contact: unknown },
    token: string,
    step: Step,
  ) {
    const language = draft.language as Language;
    if (step.kind === "sent") return reply.redirect(`${paths.thanks(context.activity.id)}?lang=${language}`, 303);
    if (step.kind === "busy")
      return reply
        .code(429)
        .header("retry-after", String(step.retryAfterSeconds))
        .view("have-your-say/views/busy.njk", {
          ...chrome(language, context.nation),
          title: uiText(language).busyHeading,
        });
    const view = stepView(context, draft as never, step);
    return reply
      .code("errors" in step && step.errors?.length ? 400 : 200)
      .view(`have-your-say/views/${view.template}.njk`, {
        ...chrome(language, context.nation),
        ...view,
        title: view.title,
        activity: context.activity,
        action: paths.answer(context.activity.id),
        token,
        preview: draft.preview,
        errors: "errors" in step ? step.errors : undefined,
      });
  }

  app.post(
    paths.start.pattern,
    { ...needs(paths.start, pub), ...quiet, bodyLimit: SURVEY_BODY_LIMIT },
    async (request, reply) => {
      const { activityId } = request.params;
      const { survey, activity, partnership, today, questions } = await loadSurvey(activityId);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const language: Language = body.lang === "cy" && survey.welsh ? "cy" : "en";
      const open = surveyIsOpen(survey, today) && !activity.publishedAt;
      const preview = !open && canPreview(request, partnership);
      if (!open && !preview) return reply.redirect(paths.consultation(activityId), 303);
      const version = body.version === "young" ? "young" : body.version === "standard" ? "standard" : null;
      if (!version)
        return showStart(request, reply, language, [{ field: "version", message: uiText(language).chooseVersion }]);
      const started = await startDraft(
        db,
        { survey, questions, today },
        { version, language, address: request.ip, preview },
      );
      const context = { survey, questions, today, activity, nation: partnership.nation };
      if ("busy" in started)
        return render(reply, context, { version, language, answers: {}, preview, contact: null }, "", {
          kind: "busy",
          retryAfterSeconds: started.busy,
        });
      return render(reply, context, started.draft, started.token, firstStep(context, {}));
    },
  );

  app.post(
    paths.answer.pattern,
    { ...needs(paths.answer, pub), ...quiet, bodyLimit: SURVEY_BODY_LIMIT },
    async (request, reply) => {
      const { activityId } = request.params;
      const { survey, activity, partnership, today, questions } = await loadSurvey(activityId);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const draft = await findDraft(db, survey.id, body.token);
      const language: Language = body.lang === "cy" ? "cy" : "en";
      if (!draft)
        return reply.code(410).view("have-your-say/views/timed-out.njk", {
          ...chrome(language, partnership.nation),
          title: uiText(language).timedOutHeading,
          startHref: paths.consultation(activityId),
        });
      const open = surveyIsOpen(survey, today) && !activity.publishedAt;
      if (!open && !draft.preview) return reply.redirect(paths.consultation(activityId), 303);
      const context = { survey, questions, today, activity, nation: partnership.nation };
      const step = await advance(db, context, draft, String(body.token), body, request.ip);
      return render(reply, context, draft, String(body.token), step);
    },
  );

  app.get(paths.thanks.pattern, { ...needs(paths.thanks, pub), ...quiet }, async (request, reply) => {
    const { activityId } = request.params;
    const { survey, activity, partnership } = await loadSurvey(activityId);
    const { lang } = langQuery.parse(request.query ?? {});
    const language: Language = lang === "cy" && survey.welsh ? "cy" : "en";
    return reply.view("have-your-say/views/thanks.njk", {
      ...chrome(language, partnership.nation),
      title: uiText(language).thanksHeading,
      activity,
      owner: partnership,
      feedbackBy: longDateIn(activity.feedbackBy, language),
      indexHref: paths.index(),
    });
  });

  app.get(paths.results.pattern, { ...needs(paths.results, pub), ...quiet }, async (request, reply) => {
    const { activityId } = request.params;
    const [listed] = await publishedActivities(db, { activityId });
    const row = found(listed);
    const [consultation] = await publishedConsultations(db, row.partnershipId, { activityId });
    return reply.view("have-your-say/views/results.njk", {
      ...chrome("en", row.nation),
      title: `You said, we did: ${row.title}`,
      owner: { name: row.partnershipName, isFictional: row.isFictional },
      consultation: found(consultation),
      disclosureNote: DISCLOSURE_NOTE,
      indexHref: paths.index(),
    });
  });
}
