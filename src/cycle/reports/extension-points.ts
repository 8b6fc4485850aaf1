import type { Db, Executor } from "../../kernel/db/database.ts";
import { extensionPoint } from "../../kernel/domains/extensions.ts";

/** Hooks the report pages use, filled by domains that may import reports. */

/** A national partner's review comment, as the report page shows it. */
export interface ReviewComment {
  section: string;
  comment: string;
  status: string;
  authorName: string;
}

/** Review feedback on a report, or on its year's report before it existed (filled by national). */
export const reportReviewFeedback =
  extensionPoint<
    (db: Executor, partnershipId: string, report: { id: string; reportingYear: string }) => Promise<ReviewComment[]>
  >("report review feedback");

/** A published needs assessment, listed on the public index /published. */
export interface PublishedAssessment {
  id: string;
  number: number;
  publishedAt: Date;
  partnershipName: string;
  isFictional: boolean;
}

/** The latest published needs assessment of each partnership (filled by needs-assessment). */
export const publishedAssessments = extensionPoint<(db: Db) => Promise<PublishedAssessment[]>>("published assessments");
