import type { AttentionSource } from "../../workspace/attention/index.ts";
import { nationalPaths } from "./paths.ts";
import { returnedFeedback } from "./repository.ts";

/** Review feedback national partners have returned, for the partnership's leads. */
export const feedbackReturned: AttentionSource = {
  key: "reviews",
  title: "Review feedback returned",
  order: 40,
  async items(db, { leading }) {
    const rows = await returnedFeedback(db, leading);
    return rows.map((feedback) => ({
      text: feedback.section,
      href: nationalPaths.feedback(feedback.partnershipId),
      partnershipId: feedback.partnershipId,
    }));
  },
};
