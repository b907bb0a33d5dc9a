export { type Job, JobRegistry } from "./registry.js";
export { type JobOutcome, runDueJobs } from "./runner.js";
export { instanceIdentity, type Scheduler, startScheduler } from "./scheduler.js";
export { scheduledJobs } from "./schema.js";
