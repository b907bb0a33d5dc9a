import type { Executor } from "../../db/executor.js";
import { notFound } from "../errors.js";
import { isUuid } from "../values.js";
import { fitMessage, type NotificationInput, notificationProblems } from "./message.js";
import * as repo from "./repository.js";

/**
 * Sends a message to an account: always in the app (/meldingen), and by e-mail when the account
 * is active and has an address (an outbox row, sent later by deliverOutbox). Call it with the
 * transaction of the change it is about, so the message exists exactly when the change does —
 * and with that transaction's handle only: PGlite has one connection.
 */
export async function notify(tx: Executor, given: NotificationInput): Promise<{ id: string }> {
  const input = fitMessage(given);
  const problems = notificationProblems(input);
  if (problems.length > 0) throw new Error(`Melding niet verstuurd: ${problems.join(" ")}`);
  const recipient = isUuid(input.accountId)
    ? await repo.findRecipient(tx, input.accountId, input.municipalityCode)
    : undefined;
  if (!recipient)
    throw new Error(
      `Melding niet verstuurd: account ${input.accountId} bestaat niet in deze gemeente.`,
    );
  const message = {
    municipalityCode: input.municipalityCode,
    accountId: input.accountId,
    subject: input.subject.trim(),
    body: input.body.trim(),
    link: input.link ?? null,
  };
  const created = await repo.insertNotification(tx, message);
  const email = recipient.email?.trim();
  if (email && recipient.active)
    await repo.insertOutboxMessage(tx, { ...message, recipient: email });
  return { id: created.id };
}

export const NOTIFICATIONS_PAGE_SIZE = 20;

/** One page of the account's messages, newest first, with the paging the page and the API show. */
export async function listNotifications(
  db: Executor,
  accountId: string,
  page: number,
  pageSize = NOTIFICATIONS_PAGE_SIZE,
) {
  const { rows, total } = await repo.findNotifications(db, accountId, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { rows, total, page, pageSize, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

export const countUnreadNotifications = repo.countUnread;

/** Marks one of the account's own messages read; any other id is "not found", also another account's. */
export async function markNotificationRead(
  db: Executor,
  accountId: string,
  id: string,
  now = new Date(),
): Promise<void> {
  if (!isUuid(id) || !(await repo.markRead(db, accountId, id, now)))
    throw notFound("Deze melding bestaat niet.");
}

export const markAllNotificationsRead = (db: Executor, accountId: string, now = new Date()) =>
  repo.markAllRead(db, accountId, now);

export const OUTBOX_PAGE_SIZE = 50;

/** The municipality's mail that has not gone out, for /beheer/e-mail (no message text). */
export async function listUnsentMail(db: Executor, municipalityCode: string, page: number) {
  const { rows, total } = await repo.findUnsentOutbox(db, municipalityCode, {
    limit: OUTBOX_PAGE_SIZE,
    offset: (page - 1) * OUTBOX_PAGE_SIZE,
  });
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)) };
}
