export type { ScopeCatalog } from "./admin-routes.js";
export { actorOf, requireLogin, requirePermission } from "./guards.js";
export {
  hasPermission,
  PERMISSIONS,
  type Permission,
  partnerOrganisationIds,
  type RoleGrant,
  scopeName,
} from "./permissions.js";
export { listPartnerAccountIds, relabelScope } from "./repository.js";
export { ROLES, type Role } from "./schema.js";
export {
  createAccount,
  DEFAULT_SESSION_POLICY,
  ensureInitialAdministrator,
  INITIAL_ADMIN_USERNAME,
  listAccounts,
  login,
  type SessionAccount,
} from "./service.js";
export { registerSessionHook, SESSION_COOKIE } from "./session-hook.js";
export { registerApiTokenRoutes } from "./token-routes.js";
export { registerAccountWebRoutes } from "./web-routes.js";
