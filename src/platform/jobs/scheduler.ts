import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/executor.js";
import { errorText } from "../error-text.js";
import type { JobRegistry } from "./registry.js";
import { runDueJobs } from "./runner.js";

/** How often an instance looks for due jobs; a job's own interval is in minutes. */
export const TICK_MS = 30_000;
/** The first look, shortly after the start: a job missed during downtime runs right away. */
export const FIRST_TICK_MS = 2_000;

export interface Scheduler {
  /** Stops the timer and waits for a turn in progress, so the database can be closed after it. */
  stop(): Promise<void>;
}

/** Names this process in scheduled_jobs.locked_by: host and pid for a person, random for uniqueness. */
export const instanceIdentity = () =>
  `${hostname()}/${process.pid}/${randomBytes(4).toString("hex")}`;

/**
 * Runs the registered jobs of this instance (main.ts only; tests call runDueJobs). The timers are
 * unref'd: they never keep the process alive. A turn that is still running when the next is due
 * is not doubled; a turn that fails as a whole (the database gone) is logged and the next tries again.
 */
export function startScheduler(options: {
  db: Db;
  registry: JobRegistry;
  log: FastifyBaseLogger;
  instanceId?: string;
  tickMs?: number;
  firstTickMs?: number;
  /** One turn; runDueJobs unless a test of the timing gives its own. */
  turn?: typeof runDueJobs;
}): Scheduler {
  const instanceId = options.instanceId ?? instanceIdentity();
  const log = options.log.child({ onderdeel: "taken" });
  let running: Promise<void> | undefined;
  let stopped = false;

  const tick = () => {
    if (running || stopped) return;
    running = (options.turn ?? runDueJobs)(
      options.db,
      options.registry,
      new Date(),
      instanceId,
      log,
    )
      .then((outcomes) => {
        for (const o of outcomes) if (o.ok) log.debug({ taak: o.name }, "geplande taak uitgevoerd");
      })
      .catch((error: unknown) => {
        log.error({ fout: errorText(error) }, "geplande taken konden niet worden gestart");
      })
      .finally(() => {
        running = undefined;
      });
  };

  const first = setTimeout(tick, options.firstTickMs ?? FIRST_TICK_MS);
  const every = setInterval(tick, options.tickMs ?? TICK_MS);
  first.unref();
  every.unref();

  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
