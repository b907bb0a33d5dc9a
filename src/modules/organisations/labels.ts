import type { OrganisationKind, Placement, ProfileChangeState } from "./schema.js";

/** How pages and exports name the kinds, places and states (Dutch, for people). */
export const KIND_LABELS: Record<OrganisationKind, string> = {
  formeel: "Formele instelling",
  informeel: "Informele organisatie",
  eerstelijn: "Eerstelijn of samenwerkingspartner",
  gemeente: "Gemeente of gemeentelijke dienst",
  samenwerkingsverband: "Samenwerkingsverband",
  overig: "Overig",
};

export const PLACEMENT_LABELS: Record<Placement, string> = {
  basis: "Sociale basisinfrastructuur",
  modulair: "Modulair pakket",
};

export const CHANGE_STATE_LABELS: Record<ProfileChangeState, string> = {
  ingediend: "Wacht op beoordeling",
  goedgekeurd: "Goedgekeurd",
  afgewezen: "Afgewezen",
};

export const organisationHref = (slug: string) => `/organisaties/${encodeURIComponent(slug)}`;
