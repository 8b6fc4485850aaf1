export { meetingsDomain } from "./domain.ts";
export { meetings, meetingActions } from "./tables.ts";
export { countMeetingsHeld } from "./repository.ts";
export { seedMeetingsDemo } from "./demo.ts";
// A national partners group's meetings (issue 14) go through the same records and services,
// owned by the group rather than a partnership.
export { findPaper, insertMeetings, listMeetings, type MeetingOwner, type MeetingRow } from "./repository.ts";
export {
  addAction,
  addAgendaItem,
  addDecision,
  addPaper,
  type AttendanceEntry,
  cancelMeeting,
  loadMeetingRecord,
  type MeetingRecord,
  removeMeetingEntry,
  removePaper,
  saveMinutes,
  scheduleMeetings,
  setActionStatus,
  updateMeetingDetails,
} from "./meetings-service.ts";
export {
  allowedExtensions,
  checkPaper,
  MAX_PAPER_BYTES,
  type PaperCheck,
  paperFromBody,
  sendPaper,
  type UploadedPaper,
} from "./papers.ts";
export { type AttendanceMembers, minutesSchema, minutesValues } from "./minutes-form.ts";
export {
  actionForm as meetingActionForm,
  actionStatusForm as meetingActionStatusForm,
  actionStatuses as meetingActionStatuses,
  actionStatusLabels as meetingActionStatusLabels,
  agendaForm,
  attendanceValues,
  decisionForm,
  meetingEditForm,
  meetingEditValues,
  minutesForm,
  scheduleForm,
} from "./schemas.ts";
export { meetingPaths } from "./paths.ts";
export { searchMeetings } from "./search.ts";
export { canSeeMinutes } from "./meeting-page.ts";
export {
  findMeetingPart,
  type MeetingPart,
  meetingPartAnchors,
  meetingPartConsequences,
  meetingPartFlash,
  meetingPartQuestion,
  meetingParts,
  removeMeetingPart,
} from "./removals.ts";
export { type MeetingPageSpec, type OwnedMeeting, registerMeetingPageRoutes } from "./meeting-page-routes.ts";
