import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/executor.js";

/**
 * A task that runs on a schedule, in one instance at a time however many instances share the
 * database (runner.ts). `run` gets the database (not a transaction: it opens its own where it
 * writes), the time of this turn and a logger naming the job.
 */
export interface Job {
  /** Unique, lowercase words joined by hyphens ("e-mail-versturen"): its row in scheduled_jobs. */
  name: string;
  /** Minutes between runs, counted from the first due time (a daily job keeps its hour). */
  everyMinutes: number;
  /**
   * How long one run may take, in minutes (default 10): after that another instance may assume
   * this one died and run the job too. Set it above the longest run the job can have.
   */
  leaseMinutes?: number;
  run(db: Db, now: Date, log: FastifyBaseLogger): Promise<void>;
}

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const NAME_MAX = 100;
/** A year: longer intervals are a mistake in minutes, not a schedule. */
const EVERY_MAX = 366 * 24 * 60;
const LEASE_MAX = 24 * 60;

const whole = (value: number, max: number) => Number.isInteger(value) && value >= 1 && value <= max;

/**
 * The jobs of one app, like the section and search registries: buildApp makes one (app.jobs) and
 * modules register theirs there, so test apps share nothing. main.ts runs them (scheduler.ts);
 * tests call runDueJobs directly.
 */
export class JobRegistry {
  readonly #jobs = new Map<string, Job>();

  register(job: Job): void {
    if (!NAME.test(job.name) || job.name.length > NAME_MAX)
      throw new Error(
        `Taaknaam "${job.name}" is ongeldig: kleine letters en cijfers, woorden gescheiden door een streepje.`,
      );
    if (!whole(job.everyMinutes, EVERY_MAX))
      throw new Error(
        `Taak "${job.name}": everyMinutes moet een geheel getal van 1 tot ${EVERY_MAX} zijn.`,
      );
    if (job.leaseMinutes !== undefined && !whole(job.leaseMinutes, LEASE_MAX))
      throw new Error(
        `Taak "${job.name}": leaseMinutes moet een geheel getal van 1 tot ${LEASE_MAX} zijn.`,
      );
    if (this.#jobs.has(job.name)) throw new Error(`Taak "${job.name}" is al geregistreerd.`);
    this.#jobs.set(job.name, job);
  }

  /** Every registered job, by name: the order in which one turn runs them. */
  list(): Job[] {
    return [...this.#jobs.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}

declare module "fastify" {
  interface FastifyInstance {
    /** The app's jobs (made by buildApp): modules register theirs, main.ts runs them. */
    jobs: JobRegistry;
  }
}
