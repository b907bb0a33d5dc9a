export { registerMonitoringApiRoutes } from "./api-routes.js";
export { type CostSeries, listCostSeries } from "./cost-reads.js";
export { parseDutchNumber } from "./csv-import.js";
export { importMeasurements } from "./import-service.js";
export { loadDefaultMonitoring } from "./loader.js";
export { registerMonitoringSearch, registerMonitoringSections } from "./registrations.js";
export { type ReportedMeasurement, recordReportedMeasurement } from "./reported-measurement.js";
export { indicators, measurements } from "./schema.js";
export { registerMonitoringWebRoutes } from "./web-routes.js";
