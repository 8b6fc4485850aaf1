/**
 * The form of who may read an indicator (or every indicator of a dataset): its fields, schema,
 * current values and the choices a partnership may name.
 */
import { z } from "zod";
import type { Executor } from "../../kernel/db/database.ts";
import { AppError } from "../../kernel/errors/app-error.ts";
import { checkboxList } from "../../kernel/forms/index.ts";
import { listPeopleInPartnership } from "../../workspace/access/index.ts";
import { listOrganisations } from "../../workspace/organisations/index.ts";
import { listMembers } from "../../workspace/partnerships/index.ts";
import { agreementChoices } from "../sharing/index.ts";
import type { ReaderChoices, TierChoice } from "./access-service.ts";
import { readersOf } from "./readers-repository.ts";
import type { IndicatorRow } from "./repository.ts";
import { accessTierLabels, accessTiers, tierOf } from "./visibility.ts";

export const tierForm = z.object({
  tier: z.enum(accessTiers, "Choose who may read this indicator"),
  userIds: checkboxList(),
  organisationIds: checkboxList(),
  agreementId: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .pipe(z.uuid("Choose an agreement from the list, or None").nullable()),
});

type Item = { value: string; text: string };
export function tierFields(people: Item[], organisations: Item[], agreements: Item[]) {
  return [
    {
      id: "tier",
      label: "Who may read this indicator",
      type: "radios" as const,
      items: accessTiers.map((tier) => ({ value: tier, text: accessTierLabels[tier] })),
      hint: "Every published output applies disclosure control whatever the tier. Restricted data never goes in a published report.",
    },
    { id: "userIds", label: "People who may read it (restricted only)", type: "checkboxes" as const, items: people },
    {
      id: "organisationIds",
      label: "Organisations whose people may read it (restricted only)",
      type: "checkboxes" as const,
      items: organisations,
      hint: "For example the parties to the data-sharing agreement.",
    },
    {
      id: "agreementId",
      label: "Data-sharing agreement (restricted only)",
      type: "select" as const,
      items: [{ value: "", text: "None" }, ...agreements],
      hint: "The agreement from the register that the readers are named under: the people of every organisation party to it may read the indicator.",
    },
  ];
}

export async function currentChoice(db: Executor, indicator: IndicatorRow) {
  const readers = await readersOf(db, [indicator.id]);
  return {
    tier: tierOf(indicator),
    userIds: readers.flatMap((r) => (r.userId ? [r.userId] : [])),
    organisationIds: readers.flatMap((r) => (r.organisationId ? [r.organisationId] : [])),
    agreementId: readers.find((r) => r.agreementId)?.agreementId ?? "",
  };
}

/** The people, organisations and agreements that may be named as a partnership's readers. */
export async function partnershipChoices(db: Executor, partnershipId: string) {
  // Any organisation may be named: the parties to an agreement need not be members of the partnership.
  const [people, members, all, agreements] = await Promise.all([
    listPeopleInPartnership(db, partnershipId),
    listMembers(db, partnershipId),
    listOrganisations(db),
    agreementChoices(db, partnershipId),
  ]);
  const memberIds = new Set(members.map((m) => m.organisationId));
  return {
    people: people.map((p) => ({ value: p.userId, text: `${p.name} (${p.organisationName})` })),
    organisations: all.map((o) => ({
      value: o.id,
      text: o.name,
      ...(memberIds.has(o.id) ? { hint: "Member of the partnership" } : {}),
    })),
    agreements,
  };
}
/** What the form offered, to refuse a forged id. */
export const allowedOf = (choices: {
  people: { value: string }[];
  organisations: { value: string }[];
}): ReaderChoices => ({
  userIds: new Set(choices.people.map((p) => p.value)),
  organisationIds: new Set(choices.organisations.map((o) => o.value)),
});

/**
 * The posted choice as saved, and what may be named: the parties to the chosen agreement read it
 * too; an agreement not of this partnership is refused at its field.
 */
export async function partnershipTierChoice(
  db: Executor,
  partnershipId: string,
  data: z.infer<typeof tierForm>,
): Promise<{ choice: TierChoice; allowed: ReaderChoices }> {
  const choices = await partnershipChoices(db, partnershipId);
  const agreement = data.agreementId ? choices.agreements.find((a) => a.id === data.agreementId) : null;
  if (data.agreementId && !agreement)
    throw AppError.validation([{ field: "agreementId", message: "Choose an agreement from the list, or None" }]);
  const organisationIds = [...new Set([...data.organisationIds, ...(agreement?.partyOrganisationIds ?? [])])];
  return { choice: { ...data, organisationIds }, allowed: allowedOf(choices) };
}
