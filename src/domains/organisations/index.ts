export { organisations } from "./tables.ts";
