import type { Db } from "../../db/executor.js";
import { accountKey, addressKey, FREE_FAILURES, secondsToWait } from "./login-throttle.js";
import { clearFailures, findFailures, recordFailures } from "./login-throttle-repository.js";
import { MAX_PASSWORD_LENGTH } from "./password-policy.js";
import { login, type SessionPolicy } from "./service.js";

export type LoginAttempt =
  | { kind: "ok"; session: NonNullable<Awaited<ReturnType<typeof login>>> }
  | { kind: "invalid" }
  | { kind: "throttled"; retryAfterSeconds: number };

/**
 * One login attempt through the throttle: while a delay runs the password is not even checked (so
 * guessing gains nothing), a failure counts for the account name and the client address, and a
 * success clears the account's count.
 */
export async function attemptLogin(
  db: Db,
  input: { username: string; password: string; address: string; sessionPolicy?: SessionPolicy },
  now = new Date(),
): Promise<LoginAttempt> {
  const keys = { account: accountKey(input.username), address: addressKey(input.address) };
  const records = await findFailures(db, [keys.account, keys.address]);
  const wait = Math.max(
    secondsToWait(records.get(keys.account), FREE_FAILURES.account, now),
    secondsToWait(records.get(keys.address), FREE_FAILURES.address, now),
  );
  if (wait > 0) return { kind: "throttled", retryAfterSeconds: wait };
  const session =
    input.username && input.password && input.password.length <= MAX_PASSWORD_LENGTH
      ? await login(db, input.username, input.password, now, input.sessionPolicy)
      : undefined;
  if (!session) {
    await recordFailures(db, [keys.account, keys.address], now);
    return { kind: "invalid" };
  }
  await clearFailures(db, keys.account);
  return { kind: "ok", session };
}
