import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/executor.js";
import { errorText } from "../error-text.js";
import type { Job } from "../jobs/index.js";
import { afterFailedAttempt } from "./backoff.js";
import type { Mailer } from "./mailer.js";
import { mailText, messageIdFor } from "./message.js";
import { claimDueOutbox, markOutboxFailure, markOutboxSent } from "./repository.js";

/** Messages one run claims; the rest wait for the next run, a minute later. */
export const DELIVERY_BATCH = 20;
/**
 * How long a run holds its claim: longer than a batch can take with the SMTP time limits, so no
 * other run sends the same message while this one still might.
 */
export const DELIVERY_LEASE_MINUTES = 30;

export interface DeliveryResult {
  sent: number;
  /** Failed this time, to be tried again later. */
  retrying: number;
  /** Failed for the last time: given up, shown at /beheer/e-mail. */
  failed: number;
}

/**
 * Sends the due messages of the outbox. The claim (repository.claimDueOutbox) is race-free
 * across instances; each message is then sent outside any transaction and marked sent, or kept
 * with one attempt more and a later next try (backoff.ts), or given up after the last attempt.
 * A message is sent at least once: an instance that dies between sending and marking leaves a
 * lease that runs out, and the message goes again (with the same Message-ID).
 */
export async function deliverOutbox(
  db: Db,
  mailer: Mailer,
  now: Date,
  logger: FastifyBaseLogger,
): Promise<DeliveryResult> {
  const leaseUntil = new Date(now.getTime() + DELIVERY_LEASE_MINUTES * 60_000);
  const claimed = await claimDueOutbox(db, now, leaseUntil, DELIVERY_BATCH);
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  for (const row of claimed) {
    const log = logger.child({ uitgaandeEmail: row.id });
    try {
      await mailer.send(
        {
          to: row.recipient,
          subject: row.subject,
          text: mailText(row, mailer.publicUrl),
          messageId: messageIdFor(row.id, mailer.publicUrl),
        },
        log,
      );
    } catch (error) {
      const attempts = row.attempts + 1;
      const next = afterFailedAttempt(attempts, now);
      const lastError = errorText(error);
      await markOutboxFailure(db, row.id, { attempts, ...next, lastError });
      if (next.status === "failed") {
        result.failed += 1;
        log.error(
          { pogingen: attempts, fout: lastError },
          "e-mail opgegeven na de laatste poging; zie /beheer/e-mail",
        );
      } else {
        result.retrying += 1;
        log.warn(
          { pogingen: attempts, volgendePoging: next.nextAttemptAt.toISOString(), fout: lastError },
          "e-mail niet verstuurd; later volgt een nieuwe poging",
        );
      }
      continue;
    }
    await markOutboxSent(db, row.id, now, mailer.via);
    result.sent += 1;
  }
  return result;
}

/** The job that sends the outbox every minute (registered by buildApp). */
export const outboxJob = (mailer: Mailer): Job => ({
  name: "e-mail-versturen",
  everyMinutes: 1,
  leaseMinutes: DELIVERY_LEASE_MINUTES,
  async run(db, now, log) {
    const result = await deliverOutbox(db, mailer, now, log);
    if (result.sent + result.retrying + result.failed > 0)
      log.info({ ...result }, "uitgaande e-mail verwerkt");
  },
});
