import type { Domain } from "../../kernel/domains/descriptor.ts";
import { registerAuditRoutes } from "./routes.ts";

/** The audit log pages: everything for administrators, a partnership's own for its leads. */
export const auditLogDomain: Domain = {
  name: "workspace/audit-log",
  routes: registerAuditRoutes,
  navigation: [{ text: "Audit log", href: "/audit", order: 80, show: "audit:read-all" }],
};
