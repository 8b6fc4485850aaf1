export { partnershipsDomain } from "./domain.ts";
export { partnershipMembers, partnerships } from "./tables.ts";
export { partnershipFor, visiblePartnerships } from "./access.ts";
export {
  findPartnership,
  findPartnershipByName,
  listMembers,
  lockPartnership,
  listPartnershipsWhere,
  type PartnershipRow,
} from "./repository.ts";
export { areaCodeMatchesNation, areaCodePrefixes } from "./area-codes.ts";
export { type MemberInput, memberForm, type PartnershipInput, partnershipForm } from "./schemas.ts";
export { addMemberOrganisation, createPartnership, removeMemberOrganisation } from "./partnership-service.ts";
export type { PartnershipPerson } from "./partnership-routes.ts";
export { type RequiredPartner, requiredPartners } from "./representation.ts";
export { partnershipPeople } from "./extension-points.ts";
export { partnershipPaths } from "./paths.ts";
