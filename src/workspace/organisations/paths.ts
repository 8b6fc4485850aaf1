import { path } from "../../kernel/http/paths.ts";

export const organisationPaths = {
  list: path("/admin/organisations"),
  add: path("/admin/organisations/new"),
  edit: path("/admin/organisations/:id/edit"),
  /** The edit form posts here. */
  update: path("/admin/organisations/:id"),
};
