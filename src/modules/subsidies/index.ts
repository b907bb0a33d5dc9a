export {
  getSubsidyForReport,
  listOpenRequirements,
  listSubsidiesOfOrganisations,
  type OpenRequirement,
  type ReportIndicator,
  type ReportRequirement,
  type SubsidyForReport,
  type SubsidyOfOrganisation,
} from "./report-reads.js";
export {
  budgetPlans,
  REPORT_KINDS,
  type ReportKind,
  SUBSIDY_FORMS,
  SUBSIDY_STATES,
  type SubsidyForm,
  type SubsidyState,
  subsidies,
  subsidyIndicators,
  subsidyReportRequirements,
} from "./schema.js";
