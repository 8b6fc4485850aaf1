export { apiDomain } from "./domain.ts";
export { apiTokens } from "./tables.ts";
export { type ApiDeps, registerApiRoutes } from "./api-routes.ts";
export { registerApiDocsRoutes } from "./docs-routes.ts";
export { registerTokenRoutes } from "./token-routes.ts";
export { endpoints } from "./endpoints.ts";
export { openApiDocument, openApiPath } from "./openapi.ts";
export { createToken, hashToken } from "./token-service.ts";
