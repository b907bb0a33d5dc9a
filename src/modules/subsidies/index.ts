export {
  REPORT_KINDS,
  type ReportKind,
  SUBSIDY_FORMS,
  SUBSIDY_STATES,
  subsidies,
  subsidyIndicators,
  subsidyReportRequirements,
} from "./schema.js";
