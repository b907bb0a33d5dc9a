import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** Tests of mail often read the log too (no address in it): the logger is at hand here as well. */
export { capturedLogger } from "./logs.js";

/** A message as the test server received it: envelope, headers and decoded text. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  messageId: string;
  text: string;
}

export interface TestSmtpServer {
  port: number;
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** The text of a single-part message in its transfer encoding (what nodemailer sends for text). */
function decodeBody(encoding: string, body: string): string {
  if (/base64/i.test(encoding))
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return Buffer.from(body, "latin1").toString("utf8");
}

function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const header = (name: string) =>
    new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1]?.trim() ?? "";
  return {
    to,
    subject: header("Subject"),
    messageId: header("Message-ID"),
    text: decodeBody(header("Content-Transfer-Encoding"), raw.slice(split + 4)).replace(
      /\r\n/g,
      "\n",
    ),
  };
}

/**
 * A real SMTP server on 127.0.0.1 for one test: no TLS, no login needed, every message kept in
 * `received`. Port 0 picks a free port; a given port is reused (a server started again).
 */
export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        received.push(parseMail(Buffer.concat(chunks).toString("latin1"), to));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const bound = (server.server.address() as AddressInfo).port;
  return {
    port: bound,
    url: `smtp://127.0.0.1:${bound}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
