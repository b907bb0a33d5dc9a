export { registerPolicyApiRoutes } from "./api-routes.js";
export { StatusSummaryTable } from "./components.js";
export { registerPolicyCreateRoutes } from "./create-routes.js";
export { registerPolicyEditRoutes } from "./edit-routes.js";
export { loadDefaultPolicy } from "./loader.js";
export {
  linkMembersByName,
  partnershipsOfOrganisation,
} from "./partnership-member-service.js";
export { registerPartnershipRoutes } from "./partnership-routes.js";
export { registerPolicySearch, registerPolicySections } from "./registrations.js";
export {
  listGoalChoices,
  policyItemsByIds,
  policyTargets as findPolicyTargets,
} from "./repository.js";
export { policyGoals, policyIndicators } from "./schema.js";
export type { DocumentTree, SectionNode } from "./service.js";
export { getDocumentTree, listDocuments } from "./service.js";
export { statusSummary } from "./status.js";
export { registerPolicyVersionRoutes } from "./version-routes.js";
export { registerPolicyWebRoutes } from "./web-routes.js";
