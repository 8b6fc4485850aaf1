export { searchDomain } from "./domain.ts";
export { searchPaths } from "./paths.ts";
export { searchPartnership, type SearchOutcome } from "./search-service.ts";
