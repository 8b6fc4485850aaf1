import { z } from "zod";
import { path } from "../../kernel/http/paths.ts";

/**
 * An emailed link's token: 32 random bytes in base64url. Anything else cannot be one of ours, and is
 * read as an unknown link ("") so the link's own page says so (not the generic 404).
 */
const linkToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{20,100}$/)
  .catch("");

/** The access domain's pages: the ways in, the person's own account, people and users. */
export const accessPaths = {
  signIn: path("/sign-in"),
  forgottenPassword: path("/forgotten-password"),
  resetLink: path("/reset-password/:token", { token: linkToken }),
  invitationLink: path("/invitations/:token", { token: linkToken }),
  /** The second step of signing in: a code, or setting two-factor authentication up. */
  twoFactor: path("/sign-in/two-factor"),
  twoFactorSetUp: path("/sign-in/two-factor/set-up"),
  accountSecurity: path("/account/security"),
  turnOnTwoFactor: path("/account/security/two-factor"),
  newRecoveryCodes: path("/account/security/recovery-codes/new"),
  turnOffTwoFactor: path("/account/security/two-factor/off"),
  recoveryCodes: path("/account/security/recovery-codes"),
  people: path("/partnerships/:id/people"),
  person: path("/partnerships/:id/people/:userId"),
  users: path("/admin/users"),
  newUser: path("/admin/users/new"),
  user: path("/admin/users/:id"),
  invitation: path("/admin/users/:id/invitation"),
  /** The changes posted from a user's page (each redirects back to it). */
  userRoles: path("/admin/users/:id/roles"),
  userNations: path("/admin/users/:id/nations"),
  userAdmin: path("/admin/users/:id/admin"),
  userStatus: path("/admin/users/:id/status"),
  /** The lost-device path: an administrator resets another person's second factor. */
  userTwoFactorReset: path("/admin/users/:id/two-factor/reset"),
};
