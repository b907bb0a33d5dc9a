import type { TenantConfig } from "../config/tenant.js";
import type { Flash } from "../platform/flash.js";

export interface PageAccount {
  displayName: string;
  username: string;
  /** Navigation items this account may see. */
  canManageUsers: boolean;
  canReadAudit: boolean;
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
