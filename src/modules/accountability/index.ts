export { accountabilityReports, REPORT_STATES, type ReportState } from "./schema.js";
