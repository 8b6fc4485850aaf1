import { z } from "zod";
import { path } from "../../kernel/http/paths.ts";

const base = "/partnerships/:id/consultation";
const activity = `${base}/:activityId`;
const question = `${activity}/survey/questions/:questionId`;

export const consultationPaths = {
  register: path(base),
  add: path(`${base}/new`),
  activity: path(activity),
  edit: path(`${activity}/edit`),
  remove: path(`${activity}/delete`),
  participants: path(`${activity}/participants`),
  files: path(`${activity}/files`),
  file: path(`${activity}/files/:fileId`),
  fileRemove: path(`${activity}/files/:fileId/delete`),
  survey: path(`${activity}/survey`),
  surveySettings: path(`${activity}/survey/settings`),
  questionAdd: path(`${activity}/survey/questions/new`),
  question: path(question),
  questionSkips: path(`${question}/skip`),
  questionChange: path(`${question}/change/:change`, { change: z.enum(["hide", "show", "up", "down"]) }),
  questionRemove: path(`${question}/delete`),
  paperImport: path(`${activity}/survey/import`),
  analysis: path(`${activity}/analysis`),
  answers: path(`${activity}/answers/:questionId`),
  exports: path(`${activity}/export/:what/:format`, {
    what: z.enum(["responses", "themes"]),
    format: z.enum(["csv", "xlsx"]),
  }),
  themeAdd: path(`${activity}/themes/new`),
  theme: path(`${activity}/themes/:themeId`),
  themeEdit: path(`${activity}/themes/:themeId/edit`),
  themeRemove: path(`${activity}/themes/:themeId/delete`),
  themeLink: path(`${activity}/themes/:themeId/link`),
  themeUnlink: path(`${activity}/themes/:themeId/links/:kind/:targetId/delete`, {
    kind: z.enum(["finding", "priority", "action"]),
  }),
  quotes: path(`${activity}/quotes`),
  quoteAdd: path(`${activity}/quotes/new`),
  quoteFromAnswer: path(`${activity}/quotes/from/:answerId`),
  quoteEdit: path(`${activity}/quotes/:quoteId/edit`),
  quoteApprove: path(`${activity}/quotes/:quoteId/approve`),
  quoteRemove: path(`${activity}/quotes/:quoteId/delete`),
  publish: path(`${activity}/publish`),
  withdraw: path(`${activity}/withdraw`),
};

/** The public pages (the have-your-say domain serves them; links here point at them). */
export const publicPaths = {
  index: path("/have-your-say"),
  consultation: path("/have-your-say/:activityId"),
  start: path("/have-your-say/:activityId/start"),
  answer: path("/have-your-say/:activityId/answer"),
  thanks: path("/have-your-say/:activityId/thank-you"),
  results: path("/have-your-say/:activityId/you-said-we-did"),
};
