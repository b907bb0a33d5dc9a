import type { TenantConfig } from "../config/tenant.js";

export type StatementKind = keyof TenantConfig["statements"];

/** The statement pages every footer links to, kept apart from the pages so the layout need not import them. */
export const STATEMENT_PAGES: Record<
  StatementKind,
  { path: string; label: string; title: string }
> = {
  accessibility: {
    path: "/toegankelijkheid",
    label: "Toegankelijkheid",
    title: "Toegankelijkheidsverklaring",
  },
  privacy: { path: "/privacy", label: "Privacy", title: "Privacyverklaring" },
};
