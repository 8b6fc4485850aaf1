export { supportRequestsDomain } from "./domain.ts";
export { requestPaths } from "./paths.ts";
export { type LinkedActivity, requestActivities } from "./extension-points.ts";
export { labelled } from "./labels.ts";
export { supportRequestMessages, supportRequests } from "./tables.ts";
export * from "./vocabulary.ts";
export { canAssign, canClose, canDecline, canMerge, canReply, dueByFor, hubMoves, isOverdue } from "./lifecycle.ts";
export {
  countOpenAssigned,
  requestIdsOfGroup,
  findGroupRequest,
  findPartnershipRequest,
  listGroupRequests,
  listMessages,
  listPartnershipRequests,
  mergeTargets,
  type MessageRow,
  type RequestRow,
  type RequestView,
} from "./repository.ts";
export {
  assignRequest,
  type Author,
  closeRequest,
  createRequest,
  declineRequest,
  mergeRequest,
  postMessage,
  type RequestEvent,
} from "./request-service.ts";
export { type FigureRequest, percentile, type RequestFigures, requestFigures, unmetKind } from "./figures.ts";
export { notifyRequestEvent } from "./notify.ts";
export {
  assignForm,
  closeForm,
  declineForm,
  hubRequestParams,
  mergeForm,
  partnershipRequestParams,
  replyForm,
  type RequestForm,
  requestForm,
  type RequestQuery,
  requestQuery,
} from "./schemas.ts";
export { backdateRequestForDemo } from "./demo.ts";
