import type { TenantConfig } from "../config/tenant.js";
import type { Flash } from "../platform/flash.js";

export interface PageAccount {
  displayName: string;
  username: string;
  /** Navigation items this account may see. */
  canManageUsers: boolean;
  canReadAudit: boolean;
  /** Manages subsidies, the welfare budget and reviews partners' reports (subsidies.manage). */
  canManageSubsidies: boolean;
  /** Reviews partners' profile changes and links partnership members (organisations.edit). */
  canEditOrganisations: boolean;
  /** Acts for an organisation: the partner portal is theirs. */
  isPartner: boolean;
  /** For the header's "Meldingen (n)" (platform/notifications/unread-hook.ts). */
  unreadNotifications: number;
}

/** What every page needs besides its own data: who is looking, and the form token. */
export interface PageContext {
  tenant: TenantConfig;
  account: PageAccount | undefined;
  csrfToken: string;
  currentPath: string;
  flash: Flash | undefined;
}
