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

/** A consultation listed on /published: open ("Have your say") or reported back ("you said, we did"). */
export interface ListedConsultation {
  title: string;
  href: string;
  partnershipName: string;
  isFictional: boolean;
  state: "open" | "reported-back";
  /** "closes 31 March 2026" or "published 2 May 2026". */
  when: string;
}

/** Every partnership's open consultations and published "you said, we did" (filled by consultation). */
export const consultationListing = extensionPoint<(db: Db) => Promise<ListedConsultation[]>>("consultation listing");

/** One engagement activity that fed a report year, as the report's lived-experience section shows it. */
export interface LivedExperienceActivity {
  title: string;
  dates: string;
  methods: string[];
  /** After disclosure control ("45", "[c]"). */
  participants: string;
  /** Exact, for the completeness check only. */
  participantCount: number;
  published: boolean;
  publicUrl: string | null;
  themes: { name: string; count: string; response: string; quotes: string[]; actions: string[] }[];
  /** Themes linked to a priority or action ("you said, we did"). */
  themesActedOn: number;
}

/** Engagement activities that informed the report year or ran in it (filled by consultation). */
export const livedExperienceSource =
  extensionPoint<(db: Executor, partnershipId: string, reportingYear: string) => Promise<LivedExperienceActivity[]>>(
    "lived experience",
  );

/**
 * The consultation register's path (filled by consultation, which reports may not import): where the
 * completeness check sends a report short of lived experience. A path builder, not a database hook.
 */
export const consultationRegisterPath = extensionPoint<(partnershipId: string) => string>("consultation register path");
