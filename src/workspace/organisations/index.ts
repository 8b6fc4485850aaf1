export { organisationsDomain } from "./domain.ts";
export { organisationPaths } from "./paths.ts";
/** For other domains' foreign keys (tables.ts). Reads elsewhere are listed in scripts/lint/table-reads.ts. */
export { organisations } from "./tables.ts";
export {
  GSS_CODE_PATTERN,
  isGssCode,
  type OrganisationType,
  organisationTypeLabel,
  organisationTypeSlugs,
  organisationTypes,
} from "./types.ts";
export { findOrganisation, findOrganisationByName, listOrganisations, type OrganisationRow } from "./repository.ts";
export { createOrganisation, editOrganisation } from "./organisation-service.ts";
export { type OrganisationInput, organisationForm } from "./schemas.ts";
