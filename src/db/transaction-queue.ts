import { databaseBusy } from "../platform/db-errors.js";

interface Waiter {
  since: number;
  start: () => void;
  giveUp: () => void;
  timer: NodeJS.Timeout;
}

/**
 * Transactions one at a time, in order of arrival, each allowed to wait at most `waitLimitMs`
 * before it starts.
 *
 * PGlite has one connection: every query and transaction waits in its mutex, and under load the
 * last writer waited as long as all the others took (21 s was measured). Here a transaction that
 * has not started within the limit is given up: the caller gets a 503 with Retry-After and nothing
 * is changed, because the transaction body never ran. The wait counts from the call until the body
 * runs, so it includes the reads queued in PGlite ahead of it. Letting only one transaction into
 * PGlite's mutex at a time keeps reads from being stuck behind a pile of writes.
 */
export class TransactionQueue {
  #busy = false;
  readonly #waiting: Waiter[] = [];

  /** Longest wait of a transaction that started, and how many were given up (for the benchmark). */
  readonly stats = { longestWaitMs: 0, givenUp: 0 };

  /** Adjustable at runtime, so a test can set a very low limit for one burst of writes. */
  constructor(public waitLimitMs: number) {}

  /**
   * Runs `transaction` in turn. It must call `started()` first thing inside the database
   * transaction: that throws (rolling back an empty transaction) when the caller was given up.
   * `since`: when the caller asked for the transaction, if that was earlier than this call.
   */
  run<T>(transaction: (started: () => void) => Promise<T>, since = performance.now()): Promise<T> {
    const overdue = () => performance.now() - since > this.waitLimitMs;
    return new Promise<T>((resolve, reject) => {
      let state: "queued" | "in-database" | "running" | "given-up" = "queued";
      const giveUp = () => {
        state = "given-up";
        this.stats.givenUp += 1;
        reject(databaseBusy(this.waitLimitMs / 1000));
      };
      const started = () => {
        // Timers fire only when the event loop gets to them, and PGlite's work is one long
        // promise chain, so the limit is also checked here.
        if (state === "given-up" || overdue()) {
          if (state !== "given-up") giveUp();
          throw databaseBusy(this.waitLimitMs / 1000);
        }
        clearTimeout(waiter.timer);
        state = "running";
        this.stats.longestWaitMs = Math.max(this.stats.longestWaitMs, performance.now() - since);
      };
      const waiter: Waiter = {
        since,
        giveUp,
        start: () => {
          state = "in-database";
          transaction(started)
            .then(resolve, reject)
            .finally(() => {
              clearTimeout(waiter.timer);
              this.#next();
            });
        },
        timer: setTimeout(
          () => {
            if (state === "queued") {
              this.#waiting.splice(this.#waiting.indexOf(waiter), 1);
              giveUp();
            } else if (state === "in-database") {
              // Waiting in PGlite's own queue: answer now; started() refuses when the turn comes.
              giveUp();
            }
          },
          this.waitLimitMs - (performance.now() - since),
        ),
      };
      if (this.#busy) {
        this.#waiting.push(waiter);
      } else {
        this.#busy = true;
        waiter.start();
      }
    });
  }

  #next(): void {
    for (let waiter = this.#waiting.shift(); waiter; waiter = this.#waiting.shift()) {
      if (performance.now() - waiter.since > this.waitLimitMs) {
        clearTimeout(waiter.timer);
        waiter.giveUp();
        continue;
      }
      // The turn passes straight to this waiter, so no newcomer can jump the queue.
      waiter.start();
      return;
    }
    this.#busy = false;
  }
}
