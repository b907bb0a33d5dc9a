import { lt, sql } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import { throttleCounters } from "./schema.js";

/**
 * Counts one request for `key` in the window that starts at `windowStart` and returns the new
 * count. One atomic upsert: concurrent requests on several instances each get a distinct count.
 */
export async function countRequest(db: Executor, key: string, windowStart: Date): Promise<number> {
  const [row] = await db
    .insert(throttleCounters)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [throttleCounters.key, throttleCounters.windowStart],
      set: { count: sql`${throttleCounters.count} + 1` },
    })
    .returning({ count: throttleCounters.count });
  return row?.count ?? 1;
}

/** Removes counters of windows that ended before `before`: they can no longer refuse anything. */
export async function deleteCountersBefore(db: Executor, before: Date): Promise<void> {
  await db.delete(throttleCounters).where(lt(throttleCounters.windowStart, before));
}
