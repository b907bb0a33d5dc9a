import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, testDatabaseUrl } from "../../../test/helpers/database.js";
import { capturedLogger } from "../../../test/helpers/logs.js";
import { startSmtpServer, type TestSmtpServer } from "../../../test/helpers/smtp.js";
import type { DatabaseHandle } from "../../db/client.js";
import { accounts } from "../../db/schema.js";
import { createAccount } from "../../modules/accounts/index.js";
import { systemActor } from "../actor.js";
import { MAX_ATTEMPTS } from "./backoff.js";
import { deliverOutbox } from "./delivery.js";
import { createMailer, type Mailer } from "./mailer.js";
import { BODY_MAX, type NotificationInput } from "./message.js";
import { findOutboxMessage } from "./repository.js";
import { notifications, outboxMessages } from "./schema.js";
import { notify } from "./service.js";

const GM = "GM0356";
const PUBLIC_URL = "https://samenkracht.gemeente.example";
const MINUTE = 60_000;
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MINUTE);
const onPostgres = testDatabaseUrl() !== undefined;

let database: DatabaseHandle;
let withEmail: string;
let withoutEmail: string;
const cleanup: (() => Promise<void> | void)[] = [];

const newAccount = async (username: string, email?: string) =>
  (
    await createAccount(database.db, systemActor(GM), {
      username,
      displayName: `Test ${username}`,
      role: "partner",
      scope: "Testorganisatie",
      email,
    })
  ).account.id;

beforeAll(async () => {
  database = await freshDatabase();
  withEmail = await newAccount("met-adres", "partner@organisatie.example");
  withoutEmail = await newAccount("zonder-adres");
});
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
  await database?.close();
});

const db = () => database.db;
const message = (subject: string, accountId = withEmail): NotificationInput => ({
  municipalityCode: GM,
  accountId,
  subject,
  body: `Er is iets nieuws over ${subject}.`,
  link: "/beleid/beleidskader-2026",
});
/** notify as a module calls it: inside its own transaction, with the transaction's handle. */
const notifyNow = (input: NotificationInput) => db().transaction((tx) => notify(tx, input));
const outboxOf = async (notificationSubject: string) =>
  db().select().from(outboxMessages).where(eq(outboxMessages.subject, notificationSubject));
const smtpMailer = (server: TestSmtpServer): Mailer => {
  const mailer = createMailer({
    smtpUrl: server.url,
    from: "Samenkracht <noreply@gemeente.example>",
    publicUrl: PUBLIC_URL,
  });
  cleanup.push(() => mailer.close());
  return mailer;
};

describe("notify", () => {
  it("writes the message and, for an account with an address, a pending e-mail in the caller's transaction", async () => {
    const { id } = await notifyNow(message("Nieuwe verantwoording"));
    const [stored] = await db().select().from(notifications).where(eq(notifications.id, id));
    expect(stored).toMatchObject({
      accountId: withEmail,
      subject: "Nieuwe verantwoording",
      readAt: null,
    });
    expect(await outboxOf("Nieuwe verantwoording")).toMatchObject([
      {
        recipient: "partner@organisatie.example",
        status: "pending",
        attempts: 0,
        link: "/beleid/beleidskader-2026",
      },
    ]);
  });

  it("shortens a message that quotes a long text (a reviewer's comment) instead of failing the change", async () => {
    const comment = "Vul de tabel aan. ".repeat(400);
    const { id } = await notifyNow({
      ...message("Aanvulling nodig"),
      body: `De gemeente vraagt om een aanvulling:\n\n${comment}`,
    });
    const [stored] = await db().select().from(notifications).where(eq(notifications.id, id));
    expect(stored?.body.length).toBeLessThanOrEqual(BODY_MAX);
    expect(stored?.body).toMatch(/^De gemeente vraagt om een aanvulling:\n\nVul de tabel aan\./);
    expect(stored?.body).toMatch(/…\n\n\(Ingekort: de volledige tekst staat in Samenkracht\.\)$/);
  });

  it("writes no e-mail for an account without an address or an inactive one", async () => {
    await notifyNow(message("Alleen in de app", withoutEmail));
    expect(await outboxOf("Alleen in de app")).toEqual([]);
    const inactive = await newAccount("gedeactiveerd", "weg@organisatie.example");
    await db().update(accounts).set({ active: false }).where(eq(accounts.id, inactive));
    await notifyNow(message("Niet meer gemaild", inactive));
    expect(await outboxOf("Niet meer gemaild")).toEqual([]);
  });

  it("is undone with the caller's transaction: no message without the change", async () => {
    await expect(
      db().transaction(async (tx) => {
        await notify(tx, message("Teruggedraaid"));
        throw new Error("de wijziging zelf mislukt");
      }),
    ).rejects.toThrow("de wijziging zelf mislukt");
    expect(
      await db().select().from(notifications).where(eq(notifications.subject, "Teruggedraaid")),
    ).toEqual([]);
    expect(await outboxOf("Teruggedraaid")).toEqual([]);
  });

  it("refuses a broken message or an unknown account before it stores anything", async () => {
    await expect(
      notifyNow({ ...message("Link naar buiten"), link: "https://elders.example" }),
    ).rejects.toThrow(/pad op deze site/);
    await expect(
      notifyNow({ ...message("Onbekend"), accountId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toThrow(/bestaat niet/);
    await expect(
      notifyNow({ ...message("Andere gemeente"), municipalityCode: "GM0344" }),
    ).rejects.toThrow(/bestaat niet/);
  });
});

describe("deliverOutbox through a real SMTP server", () => {
  it("sends a message, keeps it when the server is down, and sends it once the server is back", async () => {
    // Earlier tests left mail in the outbox: send it first, so this test counts only its own.
    await deliverOutbox(
      db(),
      createMailer({ smtpUrl: undefined, from: "x@y.example", publicUrl: PUBLIC_URL }),
      new Date(),
      capturedLogger().log,
    );
    let server = await startSmtpServer();
    let mailer = smtpMailer(server);
    const { log } = capturedLogger();

    await notifyNow(message("Rapportage gevraagd"));
    // Due from the moment of the commit: a run after it sends the mail.
    const t0 = new Date();
    expect(await deliverOutbox(db(), mailer, t0, log)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail?.to).toEqual(["partner@organisatie.example"]);
    expect(mail?.subject).toBe("Rapportage gevraagd");
    expect(mail?.text).toContain("Er is iets nieuws over Rapportage gevraagd.");
    expect(mail?.text).toContain(
      `Bekijk het in Samenkracht: ${PUBLIC_URL}/beleid/beleidskader-2026`,
    );
    const [sent] = await outboxOf("Rapportage gevraagd");
    expect(sent).toMatchObject({ status: "sent", sentVia: "smtp", attempts: 1, lockedUntil: null });
    expect(mail?.messageId).toBe(`<${sent?.id}@samenkracht.gemeente.example>`);

    // The mail server goes down: the message waits, with its error and a later attempt.
    const port = server.port;
    await server.close();
    await notifyNow(message("Tijdens storing"));
    const t1 = new Date();
    expect(await deliverOutbox(db(), mailer, t1, log)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [waiting] = await outboxOf("Tijdens storing");
    expect(waiting).toMatchObject({
      status: "pending",
      attempts: 1,
      sentAt: null,
      lockedUntil: null,
    });
    expect(waiting?.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(waiting?.nextAttemptAt).toEqual(plus(t1, 1));

    // Back up (on the same port if it is free again): nothing before the next attempt, then sent.
    server = await startSmtpServer(port).catch(() => startSmtpServer());
    if (server.port !== port) mailer = smtpMailer(server);
    cleanup.push(() => server.close());
    expect(await deliverOutbox(db(), mailer, plus(t1, 0.5), log)).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(await deliverOutbox(db(), mailer, plus(t1, 1), log)).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    expect(server.received.map((m) => m.subject)).toEqual(["Tijdens storing"]);
    expect(server.received[0]?.messageId).toBe(`<${waiting?.id}@samenkracht.gemeente.example>`);
    expect((await findOutboxMessage(db(), waiting?.id ?? ""))?.status).toBe("sent");
  });
});

describe("deliverOutbox without SMTP_URL", () => {
  it("writes the subject and Message-ID to the log, never the address, and marks the mail sent to the log", async () => {
    const captured = capturedLogger();
    const mailer = createMailer({ smtpUrl: undefined, from: "x@y.example", publicUrl: PUBLIC_URL });
    await notifyNow(message("Alleen gelogd"));
    const result = await deliverOutbox(db(), mailer, new Date(), captured.log);
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const [row] = await outboxOf("Alleen gelogd");
    expect(row).toMatchObject({ status: "sent", sentVia: "log" });
    const line = captured.lines.find((l) => l.onderwerp === "Alleen gelogd");
    expect(line).toMatchObject({ messageId: `<${row?.id}@samenkracht.gemeente.example>` });
    expect(captured.text()).not.toContain("partner@organisatie.example");
    expect(captured.text()).not.toContain("organisatie.example");
  });
});

describe("giving up", () => {
  const refusing: Mailer = {
    via: "smtp",
    publicUrl: PUBLIC_URL,
    async send(mail) {
      throw new Error(`550 5.1.1 <${mail.to}>: Recipient address rejected`);
    },
    close() {},
  };

  it("marks a mail failed after the last attempt, without the address in its error or the log", async () => {
    const captured = capturedLogger();
    await notifyNow(message("Geweigerd adres"));
    const [row] = await outboxOf("Geweigerd adres");
    await db()
      .update(outboxMessages)
      .set({ attempts: MAX_ATTEMPTS - 1 })
      .where(eq(outboxMessages.id, row?.id ?? ""));
    expect(await deliverOutbox(db(), refusing, new Date(), captured.log)).toEqual({
      sent: 0,
      retrying: 0,
      failed: 1,
    });
    expect(await findOutboxMessage(db(), row?.id ?? "")).toMatchObject({
      status: "failed",
      attempts: MAX_ATTEMPTS,
      lastError: "550 5.1.1 <[adres]>: Recipient address rejected",
      lockedUntil: null,
    });
    expect(captured.text()).not.toContain("organisatie.example");
    // A failed mail is not tried again.
    expect(await deliverOutbox(db(), refusing, plus(new Date(), 600), captured.log)).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
  });
});

describe("two delivery runs at once", () => {
  it("send every message once", async () => {
    const logMailer = createMailer({
      smtpUrl: undefined,
      from: "x@y.example",
      publicUrl: PUBLIC_URL,
    });
    await deliverOutbox(db(), logMailer, new Date(), capturedLogger().log);
    const sentTo: string[] = [];
    const slow: Mailer = {
      via: "smtp",
      publicUrl: PUBLIC_URL,
      async send(mail) {
        sentTo.push(mail.subject);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
      close() {},
    };
    const subjects = Array.from({ length: 30 }, (_, i) => `Bericht ${i + 1}`);
    await db().transaction(async (tx) => {
      for (const s of subjects) await notify(tx, message(s));
    });
    const now = new Date();
    const { log } = capturedLogger();
    // Each run claims at most a batch; together they send all 30, each once.
    const runs = await Promise.all([
      deliverOutbox(db(), slow, now, log),
      deliverOutbox(db(), slow, now, log),
    ]);
    const again = await deliverOutbox(db(), slow, now, log);
    expect(runs[0].sent + runs[1].sent + again.sent).toBe(30);
    expect(sentTo.sort()).toEqual([...subjects].sort());
    if (onPostgres) expect(Math.min(runs[0].sent, runs[1].sent)).toBeGreaterThan(0);
  });
});
