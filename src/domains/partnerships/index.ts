export { partnershipMembers, partnerships } from "./tables.ts";
export { partnershipFor, visiblePartnerships } from "./access.ts";
export { findPartnership, type PartnershipRow } from "./repository.ts";
