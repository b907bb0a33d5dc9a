import { eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/executor.js";
import { type FailureRecord, FORGET_AFTER_MS } from "./login-throttle.js";
import { loginFailures } from "./schema.js";

export async function findFailures(
  db: Executor,
  keys: readonly string[],
): Promise<Map<string, FailureRecord>> {
  const rows = await db
    .select()
    .from(loginFailures)
    .where(inArray(loginFailures.key, [...keys]));
  return new Map(
    rows.map((r) => [r.key, { failures: r.failures, lastFailureAt: r.lastFailureAt }]),
  );
}

/** Counts one failure per key in one atomic upsert, so concurrent instances never lose a count. */
export async function recordFailures(db: Executor, keys: readonly string[], now: Date) {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  for (const key of keys) {
    await db
      .insert(loginFailures)
      .values({ key, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: loginFailures.key,
        set: {
          failures: sql`case when ${loginFailures.lastFailureAt} < ${forgetBefore.toISOString()} then 1 else ${loginFailures.failures} + 1 end`,
          lastFailureAt: now,
        },
      });
  }
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, key));
}
