export { registerAreaApiRoutes } from "./api-routes.js";
export { projectShapes } from "./map.js";
export { registerAreaSearch } from "./registrations.js";
export { AREA_LEVELS, type AreaLevel, areas } from "./schema.js";
export {
  type AreaSummary,
  getAreaDetail,
  getAreasOverview,
  listAreaSummaries,
  loadDefaultAreas,
} from "./service.js";
export { registerAreaWebRoutes } from "./web-routes.js";
