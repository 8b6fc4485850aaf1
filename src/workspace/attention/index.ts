export { registerAttentionRoutes } from "./attention-routes.ts";
export { attentionFor } from "./attention-service.ts";
