export { partnersGroupDomain } from "./domain.ts";
export { groupMembers, nationalGroups } from "./tables.ts";
export {
  findGroup,
  findGroupById,
  findMember,
  findMemberByOrganisation,
  type GroupRow,
  listMembers,
  type MemberRow,
} from "./repository.ts";
export {
  addMember,
  type MemberRemovalGuard,
  removeMember,
  saveGroup,
  saveProfile,
  setMemberPerson,
} from "./group-service.ts";
export { type GroupForm, groupForm, type ProfileForm, profileForm } from "./schemas.ts";
export { type MemberOffer, memberOffers, memberRemovalGuards } from "./extension-points.ts";
export { type HubView, hubFor, hubView, ledPartnerships, requireHubReader } from "./hub-context.ts";
export { hubBase, hubPaths } from "./paths.ts";
