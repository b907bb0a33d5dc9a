import type { FastifyReply } from "fastify";
import { contentDisposition } from "./attachment-rules.js";

/**
 * Sends a stored attachment as a download, from the page and from the API alike. The type is the one
 * sniffed at upload; nosniff keeps the browser from guessing another, "attachment" makes it a
 * download instead of a document opened in this site's origin, and the sandbox keeps it inert.
 */
export function sendAttachment(
  reply: FastifyReply,
  row: { mediaType: string; fileName: string; content: Buffer | Uint8Array },
) {
  return reply
    .type(row.mediaType)
    .header("Content-Disposition", contentDisposition(row.fileName))
    .header("X-Content-Type-Options", "nosniff")
    .header("Content-Security-Policy", "default-src 'none'; sandbox")
    .header("Cache-Control", "private, no-store")
    .send(row.content);
}
