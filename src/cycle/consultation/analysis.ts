/**
 * The partnership's analysis of a survey, from the running tallies (never a scan of responses):
 * counts by day, version, language and source; by audience (disclosure-controlled, audience-table.ts); each closed question as a table and chart; free
 * text with how much of it is coded; theme counts.
 */
import { type ChartResult, distributionChart, trendChart } from "../../lib/charts/index.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { audienceTable } from "./audience-table.ts";
import { codedCounts, listThemes } from "./coding-repository.ts";
import { listDailyCounts, listTallies } from "./response-repository.ts";
import { type QuestionDef, valueLabels, versions, wordingFor } from "./survey-model.ts";
import { listQuestions } from "./survey-repository.ts";

export interface Totals {
  all: number;
  standard: number;
  young: number;
  english: number;
  welsh: number;
  online: number;
  paper: number;
}

export interface QuestionAnalysis {
  id: string;
  code: string;
  title: string;
  kind: QuestionDef["kind"];
  hidden: boolean;
  answered: { standard: number; young: number; total: number };
  rows: { label: string; standard: number; young: number; total: number; percent: string }[];
  chart: ChartResult | null;
}

const percent = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : "–");
const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Counts by day, or by week (from Monday) when the survey ran longer than a chart can show. */
function byPeriod(days: { day: string; version: string; count: number }[]) {
  const map = new Map<string, { standard: number; young: number }>();
  const weekly = new Set(days.map((row) => row.day)).size > 60;
  for (const row of days) {
    let key = row.day;
    if (weekly) {
      const date = new Date(`${row.day}T12:00:00Z`);
      date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
      key = `w/c ${date.toISOString().slice(0, 10)}`;
    }
    const entry = map.get(key) ?? { standard: 0, young: 0 };
    entry[row.version === "young" ? "young" : "standard"] += row.count;
    map.set(key, entry);
  }
  return {
    weekly,
    rows: [...map].sort((a, b) => a[0].localeCompare(b[0])).map(([period, counts]) => ({ period, ...counts })),
  };
}

export async function loadAnalysis(
  db: Executor,
  partnershipId: string,
  activity: { id: string; title: string },
  survey: { id: string },
) {
  const [questions, tallies, days, themes, coded] = await Promise.all([
    listQuestions(db, survey.id),
    listTallies(db, survey.id),
    listDailyCounts(db, survey.id),
    listThemes(db, partnershipId, activity.id),
    codedCounts(db, partnershipId, activity.id),
  ]);
  const sum = (filter: (row: (typeof days)[number]) => boolean) =>
    days.filter(filter).reduce((total, row) => total + row.count, 0);
  const totals: Totals = {
    all: sum(() => true),
    standard: sum((row) => row.version === "standard"),
    young: sum((row) => row.version === "young"),
    english: sum((row) => row.language === "en"),
    welsh: sum((row) => row.language === "cy"),
    online: sum((row) => row.source === "online"),
    paper: sum((row) => row.source === "paper"),
  };
  const periods = byPeriod(days);
  const dayChart = periods.rows.length
    ? trendChart({
        title: `Responses by ${periods.weekly ? "week" : "day"}: ${short(activity.title, 120)}`,
        source: "Survey responses",
        unit: "count",
        periods: periods.rows.map((row) => ({ label: row.period })),
        series: versions.map((version) => ({
          name: version === "young" ? "Young people's version" : "Standard version",
          values: periods.rows.map((row) => row[version]),
        })),
      })
    : null;
  const analysed = questions.map((question): QuestionAnalysis => {
    const own = tallies.filter((row) => row.questionId === question.id);
    const count = (version: string, value?: string) =>
      own
        .filter((row) => row.version === version && (value === undefined || row.value === value))
        .reduce((total, row) => total + row.count, 0);
    const title = wordingFor(question, "standard", "en").text;
    const answered = {
      standard: count("standard", ""),
      young: count("young", ""),
      total: count("standard", "") + count("young", ""),
    };
    const labels = valueLabels(question);
    const values =
      question.kind === "text"
        ? []
        : labels.size
          ? [...labels.keys()]
          : [...new Set(own.map((row) => row.value).filter(Boolean))].sort(sortValues);
    const rows = values.map((value) => {
      const standard = count("standard", value);
      const young = count("young", value);
      return {
        label: labels.get(value) ?? value,
        standard,
        young,
        total: standard + young,
        percent: percent(standard + young, answered.total),
      };
    });
    const chart =
      rows.length > 0 && rows.length <= 40 && answered.total > 0
        ? distributionChart({
            title: short(`${question.code}: ${title}`, 200),
            source: "Survey responses, both versions",
            unit: "count",
            categories: rows.map((row) => ({ label: short(row.label, 60), count: row.total })),
            yAxisLabel: "Responses",
          })
        : null;
    return {
      id: question.id,
      code: question.code,
      title,
      kind: question.kind,
      hidden: question.hidden,
      answered,
      rows,
      chart,
    };
  });
  return {
    questions: analysed,
    totals,
    periods,
    dayChart,
    audiences: audienceTable(days),
    themes: themes.map((theme) => {
      const codedCount = coded.get(theme.id) ?? 0;
      return { ...theme, coded: codedCount, total: codedCount + theme.otherMentions };
    }),
  };
}

/** Numbers in numeric order, districts in alphabetical order. */
function sortValues(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) ? x - y : a.localeCompare(b);
}
export type AnalysisView = Awaited<ReturnType<typeof loadAnalysis>>;
