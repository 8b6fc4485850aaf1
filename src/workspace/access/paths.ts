import { path } from "../../kernel/http/paths.ts";

/** The access domain's pages of a partnership's people and of one user (the administrators'). */
export const accessPaths = {
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
};
