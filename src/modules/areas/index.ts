export { registerAreaApiRoutes } from "./api-routes.js";
export { AREA_LEVELS, type AreaLevel } from "./schema.js";
export { type AreaSummary, getAreaDetail, listAreaSummaries, loadDefaultAreas } from "./service.js";
export { registerAreaWebRoutes } from "./web-routes.js";
