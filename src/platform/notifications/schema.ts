import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { municipality, ownedBy, uuidKey } from "../../db/columns.js";
import { accounts } from "../../modules/accounts/schema.js";

/** A message for one account, shown at /meldingen until the end of the account. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuidKey(),
    municipalityCode: municipality(),
    accountId: ownedBy(() => accounts.id),
    subject: text().notNull(),
    body: text().notNull(),
    /** A path on this site ("/beleid/…") that the message is about; the e-mail makes it absolute. */
    link: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("notifications_account_created_idx").on(t.accountId, t.createdAt),
    // The header counts unread messages on every page a logged-in user opens.
    index("notifications_unread_idx").on(t.accountId).where(sql`${t.readAt} is null`),
  ],
);

export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** How a sent message left: to the SMTP server, or only into the log (no SMTP_URL configured). */
export const SENT_VIA = ["smtp", "log"] as const;
export type SentVia = (typeof SENT_VIA)[number];

/**
 * E-mail waiting to be sent, written in the transaction that made the notification, so a mail
 * exists exactly when its notification does. Delivery (delivery.ts) claims due rows with a lease
 * (locked_until), sends them outside any transaction and records the outcome; a failure waits
 * longer each time (backoff.ts) until the message is given up as failed.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuidKey(),
    municipalityCode: municipality(),
    /** Whose mail it is: it goes with the account, as its address does. */
    accountId: ownedBy(() => accounts.id),
    recipient: text().notNull(),
    subject: text().notNull(),
    /** The message text; the e-mail adds the absolute link and a footer when it is sent. */
    body: text().notNull(),
    link: text(),
    status: text().$type<OutboxStatus>().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Held by one delivery run until then; a run that died leaves a lease that runs out. */
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    sentVia: text().$type<SentVia>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("outbox_messages_status_check", sql`${t.status} in ('pending', 'sent', 'failed')`),
    check("outbox_messages_sent_via_check", sql`${t.sentVia} in ('smtp', 'log')`),
    // Delivery looks only at pending rows by due time; sent ones pile up without slowing it.
    index("outbox_messages_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("outbox_messages_account_idx").on(t.accountId),
  ],
);
