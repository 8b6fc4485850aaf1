/** What the register and an activity's page show, assembled from the repositories. */
import type { Executor } from "../../kernel/db/database.ts";
import { formatPounds } from "../../kernel/money.ts";
import { formatDate } from "../../kernel/time.ts";
import { actionChoices } from "../actions/index.ts";
import { listMembers } from "../../workspace/partnerships/index.ts";
import { codedCounts, listQuotes, listThemes } from "./coding-repository.ts";
import { lundyCheck } from "./lundy.ts";
import { consultationPaths as paths, publicPaths } from "./paths.ts";
import * as register from "./register-repository.ts";
import { listDailyCounts } from "./response-repository.ts";
import { activityStatus } from "./status.ts";
import { findSurveyOf, listQuestions } from "./survey-repository.ts";
import { linksOf } from "./theme-links.ts";
import {
  type ActivityStatus,
  activityStatusLabels,
  activityStatusTags,
  type Audience,
  audienceLabels,
  type Informs,
  informsLabels,
  type Method,
  methodLabels,
} from "./vocabulary.ts";

const dateText = (iso: string | null) => (iso ? formatDate(iso) : "Not set");

export async function registerView(db: Executor, partnershipId: string, today: string) {
  const rows = await register.listActivities(db, partnershipId);
  return rows.map(({ activity, surveyId, opensOn, closesOn, responses, participants }) => {
    const status = activityStatus(activity, surveyId ? { opensOn: opensOn!, closesOn: closesOn! } : null, today);
    return {
      id: activity.id,
      title: activity.title,
      href: paths.activity(partnershipId, activity.id),
      status,
      statusLabel: activityStatusLabels[status],
      statusTag: activityStatusTags[status],
      dates: activity.startsOn
        ? `${formatDate(activity.startsOn)}${activity.endsOn ? ` to ${formatDate(activity.endsOn)}` : ""}`
        : "Dates not set",
      methods: activity.methods
        .map((m) => (m === "other" ? activity.methodOther : (methodLabels[m as Method] ?? m)))
        .join(", "),
      people: participants + responses,
      responses,
    };
  });
}

export async function activityView(db: Executor, partnershipId: string, activityId: string, today: string) {
  const activity = await register.findActivity(db, partnershipId, activityId);
  if (!activity) return null;
  const [survey, partnerIds, actionIds, participants, files, themes, coded, quotes, actions, members] =
    await Promise.all([
      findSurveyOf(db, partnershipId, activityId),
      register.listPartnerIds(db, partnershipId, activityId),
      register.listActionIds(db, partnershipId, activityId),
      register.listParticipants(db, partnershipId, [activityId]),
      register.listFiles(db, partnershipId, activityId),
      listThemes(db, partnershipId, activityId),
      codedCounts(db, partnershipId, activityId),
      listQuotes(db, partnershipId, activityId),
      actionChoices(db, partnershipId),
      listMembers(db, partnershipId),
    ]);
  const [questions, days, links] = await Promise.all([
    survey ? listQuestions(db, survey.id) : Promise.resolve([]),
    survey ? listDailyCounts(db, survey.id) : Promise.resolve([]),
    linksOf(
      db,
      partnershipId,
      themes.map((t) => t.id),
    ),
  ]);
  const status: ActivityStatus = activityStatus(activity, survey, today);
  const responses = days.reduce((sum, row) => sum + row.count, 0);
  const youngResponses = days.filter((row) => row.version === "young").reduce((sum, row) => sum + row.count, 0);
  const recorded = participants.reduce((sum, row) => sum + row.count, 0);
  const lead = members.find((member) => member.organisationId === activity.leadOrganisationId)?.name ?? null;
  const linkedThemes = new Set(links.map((link) => link.themeId));
  return {
    activity,
    lead,
    status,
    statusLabel: activityStatusLabels[status],
    statusTag: activityStatusTags[status],
    survey,
    surveyOpen: status === "open" && !!survey,
    questionCount: questions.filter((q) => !q.hidden).length,
    responses,
    youngResponses,
    informs: [
      ...activity.informs.map((code) =>
        code === "report" && activity.reportYear
          ? `The annual report for ${activity.reportYear}`
          : (informsLabels[code as Informs] ?? code),
      ),
      ...actions.filter((a) => actionIds.includes(a.id)).map((a) => `Action ${a.label}`),
    ],
    audiences: activity.audiences.map((a) => audienceLabels[a as Audience] ?? a),
    methods: activity.methods.map((m) => (m === "other" ? activity.methodOther : (methodLabels[m as Method] ?? m))),
    partners: members.filter((member) => partnerIds.includes(member.organisationId)),
    dates: {
      starts: dateText(activity.startsOn),
      ends: dateText(activity.endsOn),
      feedbackBy: dateText(activity.feedbackBy),
    },
    cost: activity.costPence === null ? "Not recorded" : formatPounds(activity.costPence),
    participants: participants.map((row) => ({
      label: audienceLabels[row.audience as Audience] ?? row.audience,
      count: row.count,
    })),
    recorded,
    files: files.map((file) => ({
      ...file,
      href: paths.file(partnershipId, activityId, file.id),
      removeHref: paths.fileRemove(partnershipId, activityId, file.id),
      size: `${Math.max(1, Math.round(file.sizeBytes / 1024))} KB`,
    })),
    themes: themes.map((theme) => ({
      ...theme,
      count: (coded.get(theme.id) ?? 0) + theme.otherMentions,
      links: links.filter((link) => link.themeId === theme.id).length,
      href: paths.theme(partnershipId, activityId, theme.id),
    })),
    quotes: {
      proposed: quotes.filter((q) => q.status === "proposed").length,
      approved: quotes.filter((q) => q.status === "approved").length,
    },
    lundy: lundyCheck({
      audiences: activity.audiences,
      accessibility: activity.accessibility,
      safeguarding: activity.safeguarding,
      informs: activity.informs,
      informsActions: actionIds.length,
      leadOrganisationId: activity.leadOrganisationId,
      feedbackBy: activity.feedbackBy ? formatDate(activity.feedbackBy) : null,
      participants: recorded,
      responses,
      youngResponses,
      themes: themes.length,
      themesLinked: themes.filter((t) => linkedThemes.has(t.id)).length,
      published: !!activity.publishedAt,
    }),
    publishedOn: activity.publishedAt ? formatDate(activity.publishedAt) : null,
    publicHref: publicPaths.consultation(activityId),
    resultsHref: publicPaths.results(activityId),
  };
}
export type ActivityView = NonNullable<Awaited<ReturnType<typeof activityView>>>;
