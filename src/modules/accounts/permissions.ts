import type { Role } from "./schema.js";

export interface RoleGrant {
  role: Role;
  scope: string;
}

/** What a role may do. One table, so the rules are reviewable in one place. */
export const PERMISSIONS = {
  "areas.edit": ["beheerder", "beleidsmedewerker"],
  "policy.edit": ["beheerder", "beleidsmedewerker"],
  "monitoring.edit": ["beheerder", "beleidsmedewerker"],
  "users.manage": ["beheerder"],
  "audit.read": ["beheerder"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(grants: readonly RoleGrant[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return grants.some((g) => allowed.includes(g.role));
}

/** Roles that need a scope (the organisation of a partner, the meeting place of a buurtverbinder). */
export const SCOPED_ROLES: readonly Role[] = ["partner", "buurtverbinder"];
