import { addDays } from "../../kernel/time.ts";
import type { SharingAgreementRow } from "./repository.ts";
import {
  type AgreementStatus,
  article9Labels,
  dataLevelLabels,
  dpiaStatusLabels,
  frequencyLabels,
  lawfulBasisLabels,
  type RiskLevel,
  riskLevelLabels,
  schedule1Labels,
  statusLabels,
  type StoredStatus,
  volumeLabels,
} from "./vocabulary.ts";

/** How many days ahead a review counts as due (on the attention list and in the register). */
export const REVIEW_NOTICE_DAYS = 30;

export const riskTagClasses: Record<RiskLevel, string> = {
  low: "govuk-tag--green",
  medium: "govuk-tag--yellow",
  high: "govuk-tag--red",
};
const statusTagClasses: Record<AgreementStatus, string> = {
  draft: "govuk-tag--grey",
  agreed: "govuk-tag--green",
  "under-review": "govuk-tag--blue",
  expired: "govuk-tag--orange",
  ended: "govuk-tag--grey",
};

/** The status shown: an agreement past its end date has expired unless it was ended. */
export function statusOf(row: { status: string; endDate: string | null }, today: string): AgreementStatus {
  const stored = row.status as StoredStatus;
  if (stored !== "ended" && row.endDate && row.endDate < today) return "expired";
  return stored;
}

/** "overdue" when the review date has passed, "due" within the notice period, else null; only for agreements in force. */
export function reviewState(row: SharingAgreementRow, today: string): "overdue" | "due" | null {
  const status = statusOf(row, today);
  if (status !== "agreed" && status !== "under-review") return null;
  if (row.reviewDate < today) return "overdue";
  return row.reviewDate <= addDays(today, REVIEW_NOTICE_DAYS) ? "due" : null;
}

const label = <T extends string>(labels: Record<T, string>, value: string | null) =>
  value ? (labels[value as T] ?? value) : null;

/** The agreement's codes as words, its status and review state, for the list and the agreement page. */
export function agreementView(row: SharingAgreementRow, today: string, partyNames: Map<string, string>) {
  const status = statusOf(row, today);
  return {
    ...row,
    status,
    statusLabel: statusLabels[status],
    statusClass: statusTagClasses[status],
    riskLabel: riskLevelLabels[row.riskLevel as RiskLevel] ?? row.riskLevel,
    riskClass: riskTagClasses[row.riskLevel as RiskLevel] ?? "govuk-tag--grey",
    review: reviewState(row, today),
    parties: [
      ...row.partyOrganisationIds.map((id) => partyNames.get(id) ?? "An organisation no longer in the partnership"),
      ...row.externalParties,
    ],
    lawfulBasisLabel: label(lawfulBasisLabels, row.lawfulBasis),
    article9Label: label(article9Labels, row.article9Condition),
    schedule1Label: label(schedule1Labels, row.schedule1Condition),
    levelLabel: label(dataLevelLabels, row.level),
    frequencyLabel: label(frequencyLabels, row.frequency),
    volumeLabel: label(volumeLabels, row.volume),
    dpiaLabel: label(dpiaStatusLabels, row.dpiaStatus),
  };
}
