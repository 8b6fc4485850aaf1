export { groupMembers, nationalGroups } from "./tables.ts";
export {
  findGroup,
  findGroupById,
  findMember,
  findMemberByOrganisation,
  listMembers,
  type GroupRow,
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
export { hubParams, memberParams, type GroupForm, groupForm, type ProfileForm, profileForm } from "./schemas.ts";
