/**
 * "You said, we did" as published: what was asked, who took part, what people said (themes with
 * counts after disclosure control and approved quotes) and what the partnership did (the actions
 * answering each theme, with their current status from monitoring). The same object feeds the
 * public page, the needs assessment's qualitative evidence and the annual report.
 */
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Executor } from "../../kernel/db/database.ts";
import { ragLabels, type RagStatus } from "../actions/index.ts";
import { latestUpdates } from "../monitoring/index.ts";
import { applyDisclosure } from "../../data/indicators/index.ts";
import { listMembers } from "../../workspace/partnerships/index.ts";
import { type AudienceTable, audienceTable } from "./audience-table.ts";
import { codedCounts, listQuotes, listThemes } from "./coding-repository.ts";
import { listParticipants } from "./register-repository.ts";
import { listDailyCounts } from "./response-repository.ts";
import { engagementActivities, surveys } from "./tables.ts";
import { actionsAnswering, linksOf } from "./theme-links.ts";
import { type Audience, audienceLabels, audiences, type Method, methodLabels } from "./vocabulary.ts";

export const DISCLOSURE_NOTE =
  "Counts are rounded to the nearest 5. [c] means fewer than 10 people: the number is not shown so that nobody can be identified.";

/** A count after disclosure control: its text ("40" or "[c]") and the rounded number when shown. */
export interface DisclosedCount {
  text: string;
  shown: number | null;
}

export interface PublicTheme {
  id: string;
  name: string;
  response: string;
  count: DisclosedCount;
  quotes: string[];
  findingIds: string[];
  priorities: { id: string; title: string }[];
  actions: { id: string; title: string; status: string; period: string | null }[];
}

export interface PublicConsultation {
  id: string;
  partnershipId: string;
  title: string;
  purpose: string;
  summary: string;
  weDid: string;
  startsOn: string | null;
  endsOn: string | null;
  publishedAt: Date;
  informs: string[];
  reportYear: string | null;
  methods: string[];
  leadPartner: string | null;
  hasSurvey: boolean;
  participants: { label: string; count: DisclosedCount }[];
  totalParticipants: DisclosedCount;
  /**
   * Survey responses by who people said they answered as, and by version, under the analysis
   * page's rule (audience-table.ts); null when there is no survey, or it never asked and nobody said.
   */
  audiences: AudienceTable | null;
  /** Exact, for internal counts (national view); never shown publicly. */
  participantCount: number;
  themes: PublicTheme[];
}

function disclosed(cells: { key: string; count: number }[], groups: { total: string; parts: string[] }[] = []) {
  const result = applyDisclosure("small-count", cells, groups);
  return (key: string): DisclosedCount => {
    const cell = result.get(key);
    if (!cell) return { text: "0", shown: 0 };
    return cell.suppressed ? { text: "[c]", shown: null } : { text: String(cell.shown ?? 0), shown: cell.shown };
  };
}

/** Published activities of a partnership (or one of them), newest first. */
export async function publishedConsultations(
  db: Executor,
  partnershipId: string,
  options: { activityId?: string } = {},
): Promise<PublicConsultation[]> {
  const rows = await db
    .select({ activity: engagementActivities, surveyId: surveys.id, askAudience: surveys.askAudience })
    .from(engagementActivities)
    .leftJoin(surveys, eq(surveys.activityId, engagementActivities.id))
    .where(
      and(
        eq(engagementActivities.partnershipId, partnershipId),
        isNotNull(engagementActivities.publishedAt),
        options.activityId ? eq(engagementActivities.id, options.activityId) : undefined,
      ),
    );
  if (rows.length === 0) return [];
  const activityIds = rows.map((row) => row.activity.id);
  const [participants, latest, members] = await Promise.all([
    listParticipants(db, partnershipId, activityIds),
    latestUpdates(db, partnershipId),
    listMembers(db, partnershipId),
  ]);
  const out: PublicConsultation[] = [];
  for (const { activity, surveyId, askAudience } of rows) {
    const lead = members.find((member) => member.organisationId === activity.leadOrganisationId)?.name ?? null;
    const [themes, coded, quotes, days] = await Promise.all([
      listThemes(db, partnershipId, activity.id),
      codedCounts(db, partnershipId, activity.id),
      listQuotes(db, partnershipId, activity.id),
      surveyId ? listDailyCounts(db, surveyId) : Promise.resolve([]),
    ]);
    const themeIds = themes.map((theme) => theme.id);
    const [links, answering] = await Promise.all([
      linksOf(db, partnershipId, themeIds),
      actionsAnswering(db, partnershipId, themeIds),
    ]);
    const recorded = participants.filter((row) => row.activityId === activity.id && row.count > 0);
    const online = {
      young: days.filter((d) => d.version === "young").reduce((sum, d) => sum + d.count, 0),
      standard: days.filter((d) => d.version === "standard").reduce((sum, d) => sum + d.count, 0),
    };
    const parts = [
      ...audiences
        .map((audience) => ({
          key: audience,
          label: audienceLabels[audience as Audience],
          count: recorded.find((r) => r.audience === audience)?.count ?? 0,
        }))
        .filter((part) => part.count > 0),
      ...(online.young ? [{ key: "online-young", label: "Survey, young people's version", count: online.young }] : []),
      ...(online.standard
        ? [{ key: "online-standard", label: "Survey, standard version", count: online.standard }]
        : []),
    ];
    const total = parts.reduce((sum, part) => sum + part.count, 0);
    const people = disclosed(
      [...parts, { key: "total", count: total }],
      [{ total: "total", parts: parts.map((p) => p.key) }],
    );
    const themeCount = disclosed(
      themes.map((theme) => ({ key: theme.id, count: (coded.get(theme.id) ?? 0) + theme.otherMentions })),
    );
    out.push({
      id: activity.id,
      partnershipId,
      title: activity.title,
      purpose: activity.purpose,
      summary: activity.summary,
      weDid: activity.weDid,
      startsOn: activity.startsOn,
      endsOn: activity.endsOn,
      publishedAt: activity.publishedAt!,
      informs: activity.informs,
      reportYear: activity.reportYear,
      methods: activity.methods.map((method) =>
        method === "other" ? activity.methodOther : (methodLabels[method as Method] ?? method),
      ),
      leadPartner: lead,
      hasSurvey: !!surveyId,
      participants: parts.map((part) => ({ label: part.label, count: people(part.key) })),
      totalParticipants: people("total"),
      audiences: surveyId && (askAudience || days.some((d) => d.audience)) ? audienceTable(days) : null,
      participantCount: total,
      themes: themes.map((theme) => {
        const coverage = answering.get(theme.id);
        return {
          id: theme.id,
          name: theme.name,
          response: theme.response,
          count: themeCount(theme.id),
          quotes: quotes.filter((q) => q.themeId === theme.id && q.status === "approved").map((q) => q.text),
          findingIds: links.filter((l) => l.themeId === theme.id && l.kind === "finding").map((l) => l.id),
          priorities: coverage?.priorities ?? [],
          actions: (coverage?.actions ?? []).map((action) => {
            const update = latest.get(action.id);
            return {
              id: action.id,
              title: action.title,
              status: update ? ragLabels[update.status as RagStatus] : "No progress reported yet",
              period: update?.period ?? null,
            };
          }),
        };
      }),
    });
  }
  return out.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
}

/** Published consultations of several partnerships, for the public index. */
export async function publishedActivityIds(db: Executor, partnershipIds: string[]) {
  if (partnershipIds.length === 0) return [];
  return db
    .select({ id: engagementActivities.id, partnershipId: engagementActivities.partnershipId })
    .from(engagementActivities)
    .where(
      and(inArray(engagementActivities.partnershipId, partnershipIds), isNotNull(engagementActivities.publishedAt)),
    );
}
