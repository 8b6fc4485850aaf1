/**
 * One online response written by a single statement. On the embedded database every statement
 * is a round trip to its worker and PGlite runs one at a time, so the five inserts of a
 * response inside begin … commit (seven round trips) were most of a submission's database
 * time. One statement is atomic by itself: all or nothing, as the transaction was; prepared
 * once per connection, it is also planned once (see executePrepared).
 */
import { type SQL, sql } from "drizzle-orm";
import { pgArray } from "../../kernel/db/arrays.ts";
import type { Executor } from "../../kernel/db/database.ts";
import { executePrepared } from "../../kernel/db/prepared.ts";
import { tallyValues } from "./response-repository.ts";
import type { Answers } from "./survey-engine.ts";
import type { AnswerValue, Language, QuestionDef, Version } from "./survey-model.ts";

export interface OnlineResponse {
  version: Version;
  language: Language;
  submittedOn: string;
  /** An audience code or "prefer-not-to-say"; null when not asked or not said. */
  audience: string | null;
  answers: Answers;
}

/**
 * Writes the response (closed answers on the response, free text apart, running tallies and
 * daily count, and the contact details given with consent, unlinked) if `claim` returns a row.
 * `claim` is a data-modifying statement run in the same statement, such as deleting the
 * respondent's draft: a second send of the same draft, even at the same moment on another
 * connection, finds nothing to claim and writes nothing. Returns whether it was written.
 */
export async function writeOnlineResponse(
  db: Executor,
  survey: { id: string; partnershipId: string },
  questions: QuestionDef[],
  response: OnlineResponse,
  contact: { name: string; contact: string; consentText: string } | null,
  claim: SQL = sql`select 1`,
): Promise<boolean> {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const closed: Record<string, AnswerValue> = {};
  const text = { ids: [] as string[], values: [] as string[] };
  const tally = { ids: [] as string[], values: [] as string[] };
  for (const [questionId, value] of Object.entries(response.answers)) {
    const question = byId.get(questionId);
    if (!question) continue;
    if (question.kind === "text") {
      text.ids.push(questionId);
      text.values.push(String(value));
    } else closed[questionId] = value;
    // An answer's tally keys are distinct ("" and each option once), as ON CONFLICT needs.
    for (const tallyValue of new Set(tallyValues(question, value))) {
      tally.ids.push(questionId);
      tally.values.push(tallyValue);
    }
  }
  const { version, language, submittedOn, audience } = response;
  const contactInsert = contact
    ? sql`, c as (
        insert into survey_contacts (survey_id, partnership_id, name, contact, consent_text, given_on)
        select ${survey.id}::uuid, ${survey.partnershipId}::uuid, ${contact.name}, ${contact.contact},
          ${contact.consentText}, ${submittedOn}::date
        where exists (select 1 from r))`
    : sql``;
  const [row] = await executePrepared<{ written: number }>(
    db,
    sql`
    with claim as (${claim}),
    r as (
      insert into survey_responses (survey_id, partnership_id, version, language, source, submitted_on, audience, answers)
      select ${survey.id}::uuid, ${survey.partnershipId}::uuid, ${version}, ${language}, 'online',
        ${submittedOn}::date, ${audience}::text, ${JSON.stringify(closed)}::jsonb
      where exists (select 1 from claim)
      returning id
    ),
    t as (
      insert into survey_text_answers (response_id, question_id, survey_id, partnership_id, text, version, submitted_on)
      select r.id, a.question_id, ${survey.id}::uuid, ${survey.partnershipId}::uuid, a.text, ${version}, ${submittedOn}::date
      from r cross join unnest(${pgArray(text.ids)}::uuid[], ${pgArray(text.values)}::text[]) as a(question_id, text)
    ),
    k as (
      insert into survey_tallies (survey_id, question_id, version, value, count)
      select ${survey.id}::uuid, v.question_id, ${version}, v.value, 1
      from unnest(${pgArray(tally.ids)}::uuid[], ${pgArray(tally.values)}::text[]) as v(question_id, value)
      where exists (select 1 from r)
      on conflict (question_id, version, value) do update set count = survey_tallies.count + 1
    ),
    d as (
      insert into survey_daily_counts (survey_id, day, version, language, source, audience, count)
      select ${survey.id}::uuid, ${submittedOn}::date, ${version}, ${language}, 'online', ${audience}::text, 1
      where exists (select 1 from r)
      -- The key's unique constraint treats nulls as equal: one "not asked" row per day, added to.
      on conflict (survey_id, day, version, language, source, audience) do update set count = survey_daily_counts.count + 1
    )${contactInsert}
    select count(*)::int as written from r`,
  );
  return Number(row?.written ?? 0) > 0;
}
