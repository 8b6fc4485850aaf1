export { siteDomain } from "./domain.ts";
