export type { AuditEntry, AuditFilter } from "./repository.js";
export { countAuditEntries, distinctEntityTypes } from "./repository.js";
export { AUDIT_ACTIONS, type AuditAction, auditEntries } from "./schema.js";
export {
  AUDIT_PAGE_SIZE,
  type AuditRecord,
  browseAudit,
  recordAudit,
  recordCreated,
} from "./service.js";
export { registerAuditWebRoutes } from "./web-routes.js";
