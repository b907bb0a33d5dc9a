import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { capturedLogger } from "../../../test/helpers/logs.js";
import type { Db } from "../../db/executor.js";
import { JobRegistry } from "./registry.js";
import type { runDueJobs } from "./runner.js";
import { FIRST_TICK_MS, startScheduler, TICK_MS } from "./scheduler.js";

// The timing only: fake timers and a fake turn, no database and no real timer.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A turn that counts its calls and finishes only when the test says so. */
function controlledTurn() {
  const calls: Date[] = [];
  let finish: () => void = () => {};
  const turn: typeof runDueJobs = async (_db, _registry, now) => {
    calls.push(now);
    await new Promise<void>((resolve) => {
      finish = resolve;
    });
    return [];
  };
  return { turn, calls, finish: () => finish() };
}

const start = (turn: typeof runDueJobs) =>
  startScheduler({
    db: {} as Db,
    registry: new JobRegistry(),
    log: capturedLogger().log,
    instanceId: "test",
    turn,
  });

describe("startScheduler", () => {
  it("takes its first turn shortly after the start, then one every interval, never two at once", async () => {
    const { turn, calls, finish } = controlledTurn();
    const scheduler = start(turn);
    await vi.advanceTimersByTimeAsync(FIRST_TICK_MS - 1);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    // Still running at the next tick: that tick is skipped, not queued.
    await vi.advanceTimersByTimeAsync(TICK_MS);
    expect(calls).toHaveLength(1);
    finish();
    await vi.advanceTimersByTimeAsync(TICK_MS);
    expect(calls).toHaveLength(2);
    finish();
    await scheduler.stop();
  });

  it("waits on stop for the turn in progress, and takes no turn after it", async () => {
    const { turn, calls, finish } = controlledTurn();
    const scheduler = start(turn);
    await vi.advanceTimersByTimeAsync(FIRST_TICK_MS);
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(10 * TICK_MS);
    expect(calls).toHaveLength(1);
  });

  it("logs a turn that fails as a whole and tries again at the next tick", async () => {
    const captured = capturedLogger();
    let calls = 0;
    const scheduler = startScheduler({
      db: {} as Db,
      registry: new JobRegistry(),
      log: captured.log,
      instanceId: "test",
      turn: async () => {
        calls += 1;
        throw new Error("database weg");
      },
    });
    await vi.advanceTimersByTimeAsync(FIRST_TICK_MS + TICK_MS);
    expect(calls).toBe(2);
    expect(captured.lines.filter((l) => l.fout === "database weg")).toHaveLength(2);
    await scheduler.stop();
  });
});
