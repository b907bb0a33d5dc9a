import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, testDatabaseUrl } from "../../../test/helpers/database.js";
import type { DatabaseHandle } from "../../db/client.js";
import { type Job, JobRegistry } from "./registry.js";
import { findJob } from "./repository.js";
import { runDueJobs } from "./runner.js";
import { scheduledJobs } from "./schema.js";

const onPostgres = testDatabaseUrl() !== undefined;
const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MINUTE);

let database: DatabaseHandle;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.close();
});
const db = () => database.db;

/** A job that counts its runs; `work` runs inside it (a delay, a failure). */
function countingJob(name: string, everyMinutes: number, work?: () => Promise<void>) {
  const runs: Date[] = [];
  const job: Job = {
    name,
    everyMinutes,
    async run(_db, now) {
      runs.push(now);
      await work?.();
    },
  };
  return { job, runs };
}

const registryOf = (...jobs: Job[]) => {
  const registry = new JobRegistry();
  for (const job of jobs) registry.register(job);
  return registry;
};

describe("runDueJobs", () => {
  it("runs a new job at the first turn, then on its grid, not before it is due", async () => {
    const { job, runs } = countingJob("nieuw-elk-uur", 60);
    const registry = registryOf(job);
    const start = at("2026-05-01T10:00:00Z");
    expect(await runDueJobs(db(), registry, start, "a")).toEqual([
      { name: "nieuw-elk-uur", ok: true },
    ]);
    expect(await runDueJobs(db(), registry, plus(start, 59), "a")).toEqual([]);
    expect(await runDueJobs(db(), registry, plus(start, 61), "b")).toHaveLength(1);
    expect(runs).toEqual([start, plus(start, 61)]);
    const row = await findJob(db(), "nieuw-elk-uur");
    expect(row).toMatchObject({
      nextRunAt: plus(start, 120),
      lastRunAt: plus(start, 61),
      lockedUntil: null,
      lockedBy: null,
      lastError: null,
    });
  });

  it("runs a job missed during downtime once, right after the start, and keeps its hour", async () => {
    const { job, runs } = countingJob("dagelijks-gemist", 24 * 60);
    const registry = registryOf(job);
    await db()
      .insert(scheduledJobs)
      .values({ name: "dagelijks-gemist", nextRunAt: at("2026-05-01T02:00:00Z") });
    const afterDowntime = at("2026-05-04T09:15:00Z");
    await runDueJobs(db(), registry, afterDowntime, "a");
    await runDueJobs(db(), registry, plus(afterDowntime, 1), "a");
    expect(runs).toEqual([afterDowntime]);
    expect((await findJob(db(), "dagelijks-gemist"))?.nextRunAt).toEqual(
      at("2026-05-05T02:00:00Z"),
    );
  });

  it("keeps the error of a failed run, tries again soon, and runs the other jobs all the same", async () => {
    const failing = countingJob("faalt", 24 * 60, async () => {
      throw new Error("bron niet bereikbaar voor jan@example.org");
    });
    const other = countingJob("werkt", 24 * 60);
    const registry = registryOf(failing.job, other.job);
    const now = at("2026-05-02T08:00:00Z");
    expect(await runDueJobs(db(), registry, now, "a")).toEqual([
      { name: "faalt", ok: false, error: "bron niet bereikbaar voor [adres]" },
      { name: "werkt", ok: true },
    ]);
    expect(await findJob(db(), "faalt")).toMatchObject({
      lastError: "bron niet bereikbaar voor [adres]",
      nextRunAt: plus(now, 15),
      lockedUntil: null,
    });
    expect(await runDueJobs(db(), registry, plus(now, 16), "a")).toEqual([
      { name: "faalt", ok: false, error: "bron niet bereikbaar voor [adres]" },
    ]);
  });

  it("leaves a job alone while another instance holds its lease, and takes it over once the lease ran out", async () => {
    const { job, runs } = countingJob("met-lease", 5);
    const registry = registryOf(job);
    const now = at("2026-05-03T12:00:00Z");
    await db()
      .insert(scheduledJobs)
      .values({
        name: "met-lease",
        nextRunAt: now,
        lockedUntil: plus(now, 10),
        lockedBy: "instantie-die-draait",
      });
    expect(await runDueJobs(db(), registry, plus(now, 5), "b")).toEqual([]);
    // That instance died: after its lease another takes over, and its late finish changes nothing.
    expect(await runDueJobs(db(), registry, plus(now, 11), "b")).toHaveLength(1);
    expect(runs).toEqual([plus(now, 11)]);
  });

  it.runIf(onPostgres)(
    "lets one of two instances asking at the same moment run a job (PostgreSQL)",
    async () => {
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const { job, runs } = countingJob("gelijktijdig", 60, () => gate);
      const now = at("2026-05-04T12:00:00Z");
      const [first, second] = [
        runDueJobs(db(), registryOf(job), now, "instantie-1"),
        runDueJobs(db(), registryOf(job), now, "instantie-2"),
      ];
      // Both have asked before the winner finishes: the loser saw the lease, not a finished job.
      await new Promise((resolve) => setTimeout(resolve, 200));
      release();
      const outcomes = [...(await first), ...(await second)];
      expect(outcomes).toEqual([{ name: "gelijktijdig", ok: true }]);
      expect(runs).toHaveLength(1);
    },
  );

  it("runs a job once when several turns overlap or follow each other at the same time", async () => {
    const { job, runs } = countingJob("een-keer", 60, () => new Promise((r) => setTimeout(r, 20)));
    const now = at("2026-05-05T12:00:00Z");
    const together = await Promise.all(
      ["a", "b", "c"].map((id) => runDueJobs(db(), registryOf(job), now, id)),
    );
    const after = await runDueJobs(db(), registryOf(job), now, "d");
    expect([...together.flat(), ...after]).toHaveLength(1);
    expect(runs).toHaveLength(1);
  });

  it("does not let a run whose lease was taken over overwrite the new holder's schedule", async () => {
    const now = at("2026-05-06T12:00:00Z");
    let takeOver: () => Promise<void> = async () => {};
    const { job } = countingJob("te-traag", 60, () => takeOver());
    const registry = registryOf({ ...job, leaseMinutes: 1 });
    // While the first instance is still busy, its lease runs out and another instance runs the job.
    takeOver = async () => {
      takeOver = async () => {};
      await runDueJobs(db(), registry, plus(now, 2), "b");
    };
    await runDueJobs(db(), registry, now, "a");
    expect(await findJob(db(), "te-traag")).toMatchObject({
      lastRunAt: plus(now, 2),
      nextRunAt: plus(now, 60),
      lockedBy: null,
    });
  });
});

describe("JobRegistry", () => {
  const job = { name: "x", everyMinutes: 1, run: async () => {} };

  it("refuses a second job with the same name, a bad name and a bad interval", () => {
    const registry = registryOf(job);
    expect(() => registry.register(job)).toThrow(/al geregistreerd/);
    expect(() => registry.register({ ...job, name: "Met Spatie" })).toThrow(/ongeldig/);
    expect(() => registry.register({ ...job, name: "y", everyMinutes: 0 })).toThrow(/everyMinutes/);
    expect(() => registry.register({ ...job, name: "y", everyMinutes: 1.5 })).toThrow(
      /everyMinutes/,
    );
    expect(() => registry.register({ ...job, name: "y", leaseMinutes: 0 })).toThrow(/leaseMinutes/);
  });

  it("lists its jobs by name: the order of a turn", () => {
    const registry = registryOf({ ...job, name: "b" }, { ...job, name: "a" });
    expect(registry.list().map((j) => j.name)).toEqual(["a", "b"]);
  });
});

describe("a job row", () => {
  it("is made once per name, however often a turn asks", async () => {
    const registry = registryOf({ name: "een-rij", everyMinutes: 1, run: async () => {} });
    const now = at("2026-05-07T12:00:00Z");
    await runDueJobs(db(), registry, now, "a");
    await runDueJobs(db(), registry, now, "a");
    const rows = await db().select().from(scheduledJobs).where(eq(scheduledJobs.name, "een-rij"));
    expect(rows).toHaveLength(1);
  });
});
