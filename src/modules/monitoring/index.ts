export { importMeasurements } from "./import-service.js";
export { loadDefaultMonitoring } from "./loader.js";
