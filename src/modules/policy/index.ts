export { registerPolicyApiRoutes } from "./api-routes.js";
export { loadDefaultPolicy } from "./loader.js";
export { registerPolicyWebRoutes } from "./web-routes.js";
