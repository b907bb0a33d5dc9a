export { registerPolicyApiRoutes } from "./api-routes.js";
export { registerPolicyCreateRoutes } from "./create-routes.js";
export { registerPolicyEditRoutes } from "./edit-routes.js";
export { loadDefaultPolicy } from "./loader.js";
export { registerPartnershipRoutes } from "./partnership-routes.js";
export { policyGoals, policyIndicators } from "./schema.js";
export { registerPolicyVersionRoutes } from "./version-routes.js";
export { registerPolicyWebRoutes } from "./web-routes.js";
