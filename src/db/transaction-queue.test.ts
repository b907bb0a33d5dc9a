import { describe, expect, it } from "vitest";
import { AppError } from "../platform/errors.js";
import { TransactionQueue } from "./transaction-queue.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fake database transaction: waits `queuedMs` for the database, then runs the body. */
const fakeTransaction =
  (body: () => Promise<unknown>, queuedMs = 0) =>
  async (started: () => void) => {
    if (queuedMs > 0) await sleep(queuedMs);
    started();
    return body();
  };

describe("TransactionQueue", () => {
  it("runs transactions one at a time, in order of arrival", async () => {
    const queue = new TransactionQueue(1000);
    const log: string[] = [];
    const job = (name: string) =>
      queue.run(
        fakeTransaction(async () => {
          log.push(`${name} start`);
          await sleep(5);
          log.push(`${name} end`);
          return name;
        }),
      );
    expect(await Promise.all([job("a"), job("b"), job("c")])).toEqual(["a", "b", "c"]);
    expect(log).toEqual(["a start", "a end", "b start", "b end", "c start", "c end"]);
  });

  it("gives up a transaction that cannot start within the limit: 503 with Retry-After, body never runs", async () => {
    const queue = new TransactionQueue(20);
    let ran = false;
    const first = queue.run(fakeTransaction(() => sleep(100)));
    const second = queue.run(
      fakeTransaction(async () => {
        ran = true;
      }),
    );
    const error = await second.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(503);
    expect((error as AppError).headers["Retry-After"]).toBe("1");
    await first;
    expect(ran).toBe(false);
    expect(queue.stats.givenUp).toBe(1);
  });

  it("also gives up a transaction stuck behind other queries in the database itself", async () => {
    const queue = new TransactionQueue(20);
    let ran = false;
    const error = await queue
      .run(
        fakeTransaction(async () => {
          ran = true;
        }, 60),
      )
      .catch((e: unknown) => e);
    expect((error as AppError).status).toBe(503);
    await sleep(80);
    expect(ran).toBe(false);
    // The turn is released once the database has rolled the empty transaction back.
    expect(await queue.run(fakeTransaction(async () => "next"))).toBe("next");
  });

  it("checks the limit when the turn comes, even if the timer could not fire", async () => {
    const queue = new TransactionQueue(5);
    let ran = false;
    const first = queue.run(
      fakeTransaction(async () => {
        await Promise.resolve(); // lets the second one join the queue first
        // Blocks the event loop, as a long PGlite promise chain does: no timer fires meanwhile.
        const until = performance.now() + 20;
        while (performance.now() < until);
      }),
    );
    const second = queue.run(
      fakeTransaction(async () => {
        ran = true;
      }),
    );
    await first;
    expect(((await second.catch((e: unknown) => e)) as AppError).status).toBe(503);
    expect(ran).toBe(false);
  });

  it("passes errors of the transaction on and frees the turn", async () => {
    const queue = new TransactionQueue(1000);
    await expect(
      queue.run(
        fakeTransaction(async () => {
          throw new Error("kapot");
        }),
      ),
    ).rejects.toThrow("kapot");
    expect(await queue.run(fakeTransaction(async () => 1))).toBe(1);
  });
});
