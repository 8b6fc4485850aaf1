/** A request's states, in life-cycle order. */
export const requestStatuses = ["new", "triaged", "in-progress", "done", "closed", "declined", "merged"] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const requestStatusLabels: Record<RequestStatus, string> = {
  new: "New",
  triaged: "Assigned",
  "in-progress": "In progress",
  done: "Done",
  closed: "Closed",
  declined: "Declined",
  merged: "Merged",
};

export const requestStatusTags: Record<RequestStatus, string> = {
  new: "govuk-tag--blue",
  triaged: "govuk-tag--light-blue",
  "in-progress": "govuk-tag--yellow",
  done: "govuk-tag--green",
  closed: "govuk-tag--grey",
  declined: "govuk-tag--red",
  merged: "govuk-tag--grey",
};

/** Still waiting for the support to be given. */
export const openStatuses: readonly RequestStatus[] = ["new", "triaged", "in-progress"];

export const urgencies = ["routine", "soon", "urgent"] as const;
export type Urgency = (typeof urgencies)[number];
export const urgencyLabels: Record<Urgency, string> = {
  routine: "Routine: within 3 months",
  soon: "Soon: within 6 weeks",
  urgent: "Urgent: within 2 weeks",
};
/** Days from the request to its due date: past it and still open, the request is overdue. */
export const urgencyDays: Record<Urgency, number> = { routine: 91, soon: 42, urgent: 14 };

export const ratingLabels: Record<number, string> = {
  1: "1 – not at all helpful",
  2: "2 – a little helpful",
  3: "3 – fairly helpful",
  4: "4 – helpful",
  5: "5 – very helpful",
};
