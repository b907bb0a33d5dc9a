import type { FastifyBaseLogger } from "fastify";
import { pino } from "pino";
import type { Db } from "../../db/executor.js";
import { errorText } from "../error-text.js";
import type { JobRegistry } from "./registry.js";
import { claimJob, ensureJobRows, finishJob } from "./repository.js";
import { leaseEnd, nextRunAfter, retryAfterFailure } from "./schedule.js";

/** What one turn did with a job it claimed. */
export interface JobOutcome {
  name: string;
  ok: boolean;
  error?: string;
}

const silent: FastifyBaseLogger = pino({ level: "silent" });

/**
 * One turn: every registered job that is due and not held by another instance is claimed
 * (repository.claimJob: one atomic UPDATE), run and rescheduled. Jobs run one after the other
 * (PGlite has one connection; a job that needs speed spreads its own work). A failing job is
 * logged, keeps its error and is tried again soon (schedule.ts); it does not stop the others.
 * Returns what ran, for the scheduler's log and for tests.
 */
export async function runDueJobs(
  db: Db,
  registry: JobRegistry,
  now: Date,
  instanceId: string,
  log: FastifyBaseLogger = silent,
): Promise<JobOutcome[]> {
  const jobs = registry.list();
  if (jobs.length === 0) return [];
  await ensureJobRows(
    db,
    jobs.map((j) => j.name),
    now,
  );
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) {
    const claimed = await claimJob(db, job.name, now, leaseEnd(now, job.leaseMinutes), instanceId);
    if (!claimed) continue;
    const jobLog = log.child({ taak: job.name });
    try {
      await job.run(db, now, jobLog);
      await finishJob(db, job.name, instanceId, {
        ranAt: now,
        nextRunAt: nextRunAfter(claimed.nextRunAt, now, job.everyMinutes),
        error: null,
      });
      outcomes.push({ name: job.name, ok: true });
    } catch (error) {
      const text = errorText(error);
      jobLog.error({ fout: text }, "geplande taak mislukt; zij wordt later opnieuw geprobeerd");
      await finishJob(db, job.name, instanceId, {
        ranAt: now,
        nextRunAt: retryAfterFailure(now, job.everyMinutes),
        error: text,
      });
      outcomes.push({ name: job.name, ok: false, error: text });
    }
  }
  return outcomes;
}
