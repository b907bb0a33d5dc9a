import type { FastifyReply, FastifyRequest } from "fastify";
import type { TenantConfig } from "../config/tenant.js";
import { hasPermission, partnerOrganisationIds } from "../modules/accounts/index.js";
import { takeFlash } from "../platform/flash.js";
import type { PageContext } from "./context.js";

export function pageContext(
  request: FastifyRequest,
  reply: FastifyReply,
  tenant: TenantConfig,
): PageContext {
  const a = request.account;
  // A malformed URL is answered before any hook ran: no cookies, session or CSRF secret yet.
  const hooksRan = request.cookies !== undefined && typeof reply.generateCsrf === "function";
  return {
    tenant,
    account: a
      ? {
          displayName: a.displayName,
          username: a.username,
          canManageUsers: hasPermission(a.roles, "users.manage"),
          canReadAudit: hasPermission(a.roles, "audit.read"),
          canManageSubsidies: hasPermission(a.roles, "subsidies.manage"),
          canEditOrganisations: hasPermission(a.roles, "organisations.edit"),
          isPartner: partnerOrganisationIds(a.roles).length > 0,
          unreadNotifications: request.unreadNotifications ?? 0,
        }
      : undefined,
    csrfToken: hooksRan ? reply.generateCsrf() : "",
    currentPath: request.url.split("?")[0] ?? "/",
    flash: hooksRan ? takeFlash(request, reply) : undefined,
  };
}
