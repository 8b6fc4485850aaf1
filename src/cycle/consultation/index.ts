/** Consultation: the engagement register, online surveys, analysis, coding, "you said, we did". */
export {
  answerThemes,
  consultationQuotes,
  consultationThemes,
  engagementActions,
  engagementActivities,
  engagementFiles,
  engagementParticipants,
  engagementPartners,
  surveyContacts,
  surveyDailyCounts,
  surveyQuestions,
  surveyResponses,
  surveyTallies,
  surveyTextAnswers,
  surveys,
  themeFindings,
} from "./tables.ts";
export * from "./survey-model.ts";
export * from "./survey-engine.ts";
export { answerMessages } from "./survey-messages.ts";
export * from "./vocabulary.ts";
export { activityStatus, reportYearOf, surveyIsOpen } from "./status.ts";
export { listQuestions, loadPublicSurvey, type SurveyRow } from "./survey-repository.ts";
export { forgetPublicSurveys } from "./public-survey-cache.ts";
export { CONSENT_TEXT, saveOnlineResponse } from "./response-service.ts";
export { DISCLOSURE_NOTE, type PublicConsultation, type PublicTheme, publishedConsultations } from "./public-view.ts";
export { openSurveys, publishedActivities } from "./public-index.ts";
export { purgeExpiredSurveyData } from "./purge.ts";
export { consultationDomain } from "./domain.ts";
export { consultationPaths, publicPaths } from "./paths.ts";
export { type EngagementCount, engagementCounts, engagementGroups } from "./engagement-counts.ts";
export { seedConsultationDemo } from "./demo.ts";
export { livedExperienceOf } from "./hooks.ts";
export { searchConsultation } from "./search.ts";
