export { registerAreaApiRoutes } from "./api-routes.js";
export { AREA_LEVELS, type AreaLevel, areas } from "./schema.js";
export { type AreaSummary, getAreaDetail, listAreaSummaries, loadDefaultAreas } from "./service.js";
export { registerAreaWebRoutes } from "./web-routes.js";
