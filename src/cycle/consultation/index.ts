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
