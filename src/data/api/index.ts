export { apiDomain } from "./domain.ts";
export { apiTokens } from "./tables.ts";
export { endpoints } from "./endpoints.ts";
export { openApiDocument, openApiPath } from "./openapi.ts";
export { createToken, hashToken } from "./token-service.ts";
