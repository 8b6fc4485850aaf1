import { path } from "../../kernel/http/paths.ts";

const round = "/partnerships/:id/prioritisation/:roundId";

export const prioritisationPaths = {
  list: path("/partnerships/:id/prioritisation"),
  add: path("/partnerships/:id/prioritisation/new"),
  round: path(round),
  addBid: path(`${round}/options/new`),
  addAction: path(`${round}/options/from-action`),
  withdraw: path(`${round}/options/:optionId/withdraw`),
  addCriterion: path(`${round}/criteria/new`),
  editCriterion: path(`${round}/criteria/:criterionId/edit`),
  weights: path(`${round}/weights`),
  open: path(`${round}/open`),
  score: path(`${round}/score`),
  close: path(`${round}/close`),
  results: path(`${round}/results`),
  decide: path(`${round}/decision`),
};
