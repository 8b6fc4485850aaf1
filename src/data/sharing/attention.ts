import { addDays, formatDate } from "../../kernel/time.ts";
import type { AttentionSource } from "../../workspace/attention/index.ts";
import { REVIEW_NOTICE_DAYS } from "./agreement-view.ts";
import { sharingPaths } from "./paths.ts";
import { reviewsDue } from "./repository.ts";

/** Agreements in force whose review date has passed or falls within the notice period, for the partnership's leads. */
export const agreementReviewsDue: AttentionSource = {
  key: "sharing-reviews",
  title: "Data-sharing agreements due for review",
  order: 45,
  async items(db, { leading, today }) {
    const rows = await reviewsDue(db, leading, today, addDays(today, REVIEW_NOTICE_DAYS));
    return rows.map((row) => ({
      text: row.title,
      href: sharingPaths.agreement(row.partnershipId, row.id),
      partnershipId: row.partnershipId,
      detail:
        row.reviewDate < today
          ? `review overdue since ${formatDate(row.reviewDate)}`
          : `review due by ${formatDate(row.reviewDate)}`,
    }));
  },
};
