export { registerSubsidyApiRoutes } from "./api-routes.js";
export { saveBudgetPlans } from "./budget-service.js";
export {
  addReportRequirement,
  addSubsidyGoal,
  addSubsidyIndicator,
} from "./links-service.js";
export { registerSubsidySections } from "./registrations.js";
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
export { countsAsVolunteer, isPublicState, maySee, type SubsidyViewer } from "./rules.js";
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
export { changeSubsidyState, createSubsidy, editSubsidy } from "./service.js";
export { registerSubsidyWebRoutes } from "./web-routes.js";
