import type { FastifyBaseLogger } from "fastify";
import { createTransport } from "nodemailer";
import { DEFAULT_MAIL_FROM } from "../../config/env.js";
import type { SentVia } from "./schema.js";

/** SMTP_URL, MAIL_FROM and PUBLIC_URL (config/env.ts). */
export interface MailSettings {
  /** smtp://user:pass@host:port or smtps://…; without it mail only goes to the log. */
  smtpUrl: string | undefined;
  /** The From header, e.g. "Samenkracht <noreply@gemeente.nl>". */
  from: string;
  /** The site's address as its users reach it: links in mail start with it. */
  publicUrl: string;
}

export const DEFAULT_MAIL_SETTINGS: MailSettings = {
  smtpUrl: undefined,
  from: DEFAULT_MAIL_FROM,
  publicUrl: "http://127.0.0.1:3000",
};

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

/** What deliverOutbox sends through; `via` is recorded with every message sent. */
export interface Mailer {
  readonly via: SentVia;
  readonly publicUrl: string;
  send(mail: OutgoingMail, log: FastifyBaseLogger): Promise<void>;
  close(): void;
}

/**
 * Bounds on one SMTP conversation, so a server that accepts connections but never answers does
 * not hold a delivery run (and its lease) for long: about a minute per message at worst.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * The mailer for the settings: SMTP through nodemailer (one connection per message; delivery runs
 * are small and a minute apart) or, without SMTP_URL, the log. The log line names the subject and
 * the Message-ID, never the recipient: addresses are personal data and logs travel far.
 */
export function createMailer(settings: MailSettings): Mailer {
  if (!settings.smtpUrl) {
    return {
      via: "log",
      publicUrl: settings.publicUrl,
      async send(mail, log) {
        log.info(
          { onderwerp: mail.subject, messageId: mail.messageId },
          "e-mail niet verstuurd maar gelogd: er is geen SMTP_URL ingesteld",
        );
      },
      close() {},
    };
  }
  const transport = createTransport(
    { url: settings.smtpUrl, ...SMTP_TIMEOUTS },
    { from: settings.from },
  );
  return {
    via: "smtp",
    publicUrl: settings.publicUrl,
    async send(mail, log) {
      await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
      });
      log.info({ onderwerp: mail.subject, messageId: mail.messageId }, "e-mail verstuurd");
    },
    close() {
      transport.close();
    },
  };
}
