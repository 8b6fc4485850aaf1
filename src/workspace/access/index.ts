export { accessDomain } from "./domain.ts";
export { coordinatorNations, invitations, nationalPartners, partnershipRoles, users } from "./tables.ts";
export {
  findRole as partnershipRoleOf,
  findUserByEmail,
  listPeopleInPartnership,
  type UserRow,
} from "./repository.ts";
export { loadActor } from "./actor-loader.ts";
export { createUser, type NewUser, setPlatformAdmin, setUserEnabled } from "./user-admin-service.ts";
export { setCoordinatorNation, setPartnershipRole } from "./role-service.ts";
export { INVITATION_DAYS, invitationUrl, issueInvitation } from "./invitation-service.ts";
export { deliverInvitation } from "./invitation-delivery.ts";
export {
  listCoordinators,
  listNationalPartners,
  type NationalPartnerPerson,
  removeNationalPartnersOfBody,
  setNationalPartner,
} from "./national-partner-service.ts";
export { scheduleSignInPurge } from "./sign-in-purge.ts";
