import type { Role } from "./schema.js";

export interface RoleGrant {
  role: Role;
  scope: string;
  /** The scope's name (a partner's organisation), where the scope itself is an id. */
  scopeLabel?: string | undefined;
}

/** How a grant reads for people: the role's scope by its name. */
export const scopeName = (g: RoleGrant) => g.scopeLabel || g.scope;

/** What a role may do. One table, so the rules are reviewable in one place. */
export const PERMISSIONS = {
  "areas.edit": ["beheerder", "beleidsmedewerker"],
  "policy.edit": ["beheerder", "beleidsmedewerker"],
  "monitoring.edit": ["beheerder", "beleidsmedewerker"],
  "users.manage": ["beheerder"],
  "audit.read": ["beheerder"],
  /** Organisation records, their review of partner changes and member links of partnerships. */
  "organisations.edit": ["beheerder", "beleidsmedewerker"],
  /** Subsidy decisions, the welfare budget, and reviewing accountability reports. */
  "subsidies.manage": ["beheerder", "beleidsmedewerker"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(grants: readonly RoleGrant[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return grants.some((g) => allowed.includes(g.role));
}

/** Roles that need a scope (the organisation of a partner, the meeting place of a buurtverbinder). */
export const SCOPED_ROLES: readonly Role[] = ["partner", "buurtverbinder"];

/**
 * The organisations a partner account acts for: the scope of its partner grants is an organisation
 * record's id. A partner reads and writes only what belongs to these organisations.
 */
export const partnerOrganisationIds = (grants: readonly RoleGrant[]): string[] =>
  grants.filter((g) => g.role === "partner" && g.scope).map((g) => g.scope);

/** Public label per role, strongest first: what public pages say did something, never a person. */
const PUBLIC_ROLE_LABELS: readonly [Role, string][] = [
  ["beheerder", "Gemeente (beheerder)"],
  ["beleidsmedewerker", "Gemeente (beleidsmedewerker)"],
  ["partner", "Partner"],
  ["buurtverbinder", "Buurtverbinder"],
  ["inwoner", "Inwoner"],
];

/**
 * The role or organisation shown publicly for an account's change: a partner or buurtverbinder is
 * named by the organisation or meeting place of its scope, municipal staff by their role.
 */
export function publicActorName(grants: readonly RoleGrant[]): string {
  for (const [role, label] of PUBLIC_ROLE_LABELS) {
    const grant = grants.find((g) => g.role === role);
    if (grant) return SCOPED_ROLES.includes(role) && grant.scope ? scopeName(grant) : label;
  }
  return "Gemeente";
}
