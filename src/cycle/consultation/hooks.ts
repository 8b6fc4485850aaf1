/**
 * What consultation gives the domains below it through their extension points: published
 * themes as the needs assessment's qualitative evidence, the report year's engagement for the
 * annual report, and the listing on the public index /published.
 */
import { and, eq, gte, lte, or } from "drizzle-orm";
import type { Db, Executor } from "../../kernel/db/database.ts";
import { londonToday } from "../../kernel/time.ts";
import type { VoiceEvidence } from "../needs-assessment/index.ts";
import type { ListedConsultation, LivedExperienceActivity } from "../reports/index.ts";
import { formatDate } from "../../kernel/time.ts";
import { publicPaths } from "./paths.ts";
import { openSurveys, publishedActivities } from "./public-index.ts";
import { type PublicConsultation, publishedConsultations } from "./public-view.ts";
import { listDailyCounts } from "./response-repository.ts";
import { listParticipants } from "./register-repository.ts";
import { engagementActivities, surveys } from "./tables.ts";
import { type Method, methodLabels } from "./vocabulary.ts";

const datesOf = (c: { startsOn: string | null; endsOn: string | null }) =>
  c.startsOn ? `${formatDate(c.startsOn)}${c.endsOn ? ` to ${formatDate(c.endsOn)}` : ""}` : "";

export async function voicesOf(db: Executor, partnershipId: string): Promise<VoiceEvidence[]> {
  return (await publishedConsultations(db, partnershipId)).map((c) => ({
    id: c.id,
    title: c.title,
    methods: c.methods,
    dates: datesOf(c),
    participants: c.totalParticipants.text,
    publishedOn: formatDate(c.publishedAt),
    url: publicPaths.results(c.id),
    themes: c.themes.map((t) => ({
      id: t.id,
      name: t.name,
      count: t.count.text,
      response: t.response,
      quotes: t.quotes,
      findingIds: t.findingIds,
    })),
  }));
}

/** April to March. */
function yearBounds(reportingYear: string) {
  const start = Number(reportingYear.slice(0, 4));
  return { start: `${start}-04-01`, end: `${start + 1}-03-31` };
}

/** Activities that inform the report of the year, or ended in it (published ones with what people said). */
export async function livedExperienceOf(
  db: Executor,
  partnershipId: string,
  reportingYear: string,
): Promise<LivedExperienceActivity[]> {
  const { start, end } = yearBounds(reportingYear);
  const rows = await db
    .select({ activity: engagementActivities, surveyId: surveys.id })
    .from(engagementActivities)
    .leftJoin(surveys, eq(surveys.activityId, engagementActivities.id))
    .where(
      and(
        eq(engagementActivities.partnershipId, partnershipId),
        or(
          eq(engagementActivities.reportYear, reportingYear),
          and(gte(engagementActivities.endsOn, start), lte(engagementActivities.endsOn, end)),
        ),
      ),
    );
  const chosen = rows;
  if (!chosen.length) return [];
  const [published, participants] = await Promise.all([
    publishedConsultations(db, partnershipId),
    listParticipants(
      db,
      partnershipId,
      chosen.map((row) => row.activity.id),
    ),
  ]);
  const out: LivedExperienceActivity[] = [];
  for (const { activity, surveyId } of chosen) {
    const shown: PublicConsultation | undefined = published.find((c) => c.id === activity.id);
    const responses = surveyId ? (await listDailyCounts(db, surveyId)).reduce((sum, row) => sum + row.count, 0) : 0;
    const recorded = participants.filter((p) => p.activityId === activity.id).reduce((sum, p) => sum + p.count, 0);
    out.push({
      title: activity.title,
      dates: datesOf(activity),
      methods: activity.methods.map((m) => (m === "other" ? activity.methodOther : (methodLabels[m as Method] ?? m))),
      participants: shown
        ? shown.totalParticipants.text
        : responses + recorded >= 10
          ? String(responses + recorded)
          : "[c]",
      participantCount: responses + recorded,
      published: !!shown,
      publicUrl: shown ? publicPaths.results(activity.id) : null,
      themes: (shown?.themes ?? []).map((t) => ({
        name: t.name,
        count: t.count.text,
        response: t.response,
        quotes: t.quotes,
        actions: t.actions.map((a) => `${a.title} (${a.status})`),
      })),
      themesActedOn: (shown?.themes ?? []).filter((t) => t.actions.length > 0 || t.priorities.length > 0).length,
    });
  }
  return out;
}

export async function consultationListingOf(db: Db): Promise<ListedConsultation[]> {
  const [open, closed] = await Promise.all([openSurveys(db, londonToday()), publishedActivities(db)]);
  return [
    ...open.map((row) => ({
      title: row.title,
      href: publicPaths.consultation(row.activityId),
      partnershipName: row.partnershipName,
      isFictional: row.isFictional,
      state: "open" as const,
      when: `closes ${formatDate(row.closesOn)}`,
    })),
    ...closed.map((row) => ({
      title: row.title,
      href: publicPaths.results(row.activityId),
      partnershipName: row.partnershipName,
      isFictional: row.isFictional,
      state: "reported-back" as const,
      when: `published ${formatDate(row.publishedAt!)}`,
    })),
  ];
}
