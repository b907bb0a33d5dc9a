export { registerAccountabilityApiRoutes } from "./api-routes.js";
export { registerPartnerReportRoutes } from "./partner-routes.js";
export { listPublishedReports, type PublishedReport } from "./reads.js";
export { registerAccountabilitySections } from "./registrations.js";
export { REMINDER_JOB, reminderJob, sendReminders } from "./reminders.js";
export {
  accountabilityReports,
  REPORT_STATES,
  type ReportState,
  reportReminders,
} from "./schema.js";
export { registerAccountabilityWebRoutes } from "./web-routes.js";
