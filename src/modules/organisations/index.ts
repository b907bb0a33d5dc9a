export {
  getOrganisationSummary,
  listOrganisationChoices,
  listWorkAreas,
  type OrganisationSummary,
} from "./reads.js";
export {
  ORGANISATION_KINDS,
  type OrganisationKind,
  organisations,
  PLACEMENTS,
  type Placement,
  workAreas,
} from "./schema.js";
