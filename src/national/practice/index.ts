export { practiceDomain } from "./domain.ts";
export { practicePaths } from "./paths.ts";
export { actionPracticeCitations, practiceAttachments, practiceEntries } from "./tables.ts";
export * from "./vocabulary.ts";
export { type AreaDoingThis, areasDoingThis } from "./areas.ts";
export { practiceMentions } from "./mentions.ts";
export { PAGE_SIZE, type SearchHit, type SearchResult, searchEntries } from "./search.ts";
export { type EntryRow, findEntry, listByStatus } from "./repository.ts";
export { addAttachment, removeAttachment, saveEntry } from "./entry-service.ts";
export { proposeCaseStudy, reviewProposal } from "./case-study-service.ts";
export { citeEntry, uncite } from "./citation-service.ts";
export {
  type EntryForm,
  entryForm,
  MAX_SEARCH_CHARACTERS,
  type ProposalForm,
  proposalForm,
  type ReviewForm,
  reviewForm,
  type SearchQuery,
  searchQuery,
} from "./schemas.ts";
