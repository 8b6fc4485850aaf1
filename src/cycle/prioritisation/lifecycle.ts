/** A round's life: set up (draft), scoring open, scoring closed (results shown), decided. */
export const roundStatuses = ["draft", "open", "closed", "decided"] as const;
export type RoundStatus = (typeof roundStatuses)[number];

export const statusLabels: Record<RoundStatus, string> = {
  draft: "Draft: being set up",
  open: "Scoring open",
  closed: "Scoring closed",
  decided: "Decided",
};

export const statusTagClasses: Record<RoundStatus, string> = {
  draft: "govuk-tag--grey",
  open: "govuk-tag--blue",
  closed: "govuk-tag--yellow",
  decided: "govuk-tag--green",
};

/** Scores are blind until scoring closes: nobody, the lead included, sees another's before then. */
export const resultsVisible = (status: string) => status === "closed" || status === "decided";

/** Options, criteria and weights are fixed once scoring opens, so every score means the same thing. */
export const isSetUp = (status: string) => status === "draft";
