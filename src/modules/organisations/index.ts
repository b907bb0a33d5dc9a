export { registerOrganisationApiRoutes } from "./api-routes.js";
export { nameKey } from "./dataset.js";
export { organisationField, placementField, workAreaField } from "./fields.js";
export { KIND_LABELS, organisationHref, PLACEMENT_LABELS } from "./labels.js";
export { loadDefaultOrganisations } from "./loader.js";
export { matchOrganisation } from "./matching.js";
export {
  getOrganisationSummary,
  listOrganisationChoices,
  listOrganisationNames,
  listWorkAreas,
  type OrganisationSummary,
} from "./reads.js";
export { registerOrganisationSearch, registerOrganisationSections } from "./registrations.js";
export {
  ORGANISATION_KINDS,
  type OrganisationKind,
  organisations,
  PLACEMENTS,
  type Placement,
  workAreas,
} from "./schema.js";
export { registerOrganisationWebRoutes } from "./web-routes.js";
