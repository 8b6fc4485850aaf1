import { driverLabel } from "../../cycle/actions/index.ts";
import { supportTypeLabel } from "../support-offer/index.ts";
import { isOverdue } from "./lifecycle.ts";
import type { RequestView } from "./repository.ts";
import {
  type RequestStatus,
  requestStatusLabels,
  requestStatusTags,
  type Urgency,
  urgencyLabels,
} from "./vocabulary.ts";

/** A request with the labels its pages show. */
export function labelled(request: RequestView, today: string) {
  const status = request.status as RequestStatus;
  return {
    ...request,
    typeLabel: supportTypeLabel(request.supportType),
    statusLabel: requestStatusLabels[status] ?? request.status,
    statusTag: requestStatusTags[status] ?? "govuk-tag--grey",
    overdue: isOverdue(request, today),
    labels: {
      type: supportTypeLabel(request.supportType),
      status: requestStatusLabels[status] ?? request.status,
      urgency: urgencyLabels[request.urgency as Urgency] ?? request.urgency,
      drivers: request.drivers.map(driverLabel).join("; "),
    },
  };
}
