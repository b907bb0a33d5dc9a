// The one Drizzle schema: every module's tables, for drizzle-kit and the typed query builder.
export * from "../modules/accountability/schema.js";
export * from "../modules/accounts/schema.js";
export * from "../modules/areas/schema.js";
export * from "../modules/audit/schema.js";
export * from "../modules/monitoring/schema.js";
export * from "../modules/organisations/schema.js";
export * from "../modules/policy/schema.js";
export * from "../modules/subsidies/schema.js";
export * from "../platform/jobs/schema.js";
export * from "../platform/notifications/schema.js";
export * from "../platform/throttle/schema.js";
