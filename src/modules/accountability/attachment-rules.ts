/**
 * What an attachment is, read from its first bytes (magic numbers), never from the name or the
 * type the browser sends: both are whatever the sender chose. Only documents a reviewer can open
 * safely are accepted: PDF, PNG and JPEG.
 */

export const ATTACHMENT_TYPES = ["application/pdf", "image/png", "image/jpeg"] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/**
 * Where an attachment is downloaded. The name of the last segment does not matter (the download
 * is named by Content-Disposition); its extension marks the route as a download, not a page.
 */
export const attachmentPath = (reportId: string, id: string) =>
  `/verantwoordingen/${reportId}/bijlagen/${id}/bestand.bin`;

/** Largest attachment: 5 MB. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
/** Most attachments on one report. */
export const ATTACHMENTS_PER_REPORT = 10;
/** Longest file name kept. */
export const FILE_NAME_MAX = 200;

export const tooLargeMessage = `Bijlage is te groot: hoogstens ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB per bestand.`;
export const wrongTypeMessage =
  "Bijlage moet een PDF, PNG of JPEG zijn; de inhoud van dit bestand is geen van die drie (de naam of extensie telt niet).";

const SIGNATURES: readonly { type: AttachmentType; bytes: readonly number[] }[] = [
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
];

/** The media type the content is, or undefined when it is none of the accepted ones. */
export function sniffMediaType(content: Uint8Array): AttachmentType | undefined {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => content[i] === b))?.type;
}

const EXTENSION: Record<AttachmentType, string> = {
  "application/pdf": ".pdf",
  "image/png": ".png",
  "image/jpeg": ".jpg",
};

/**
 * A file name safe to store and to send back in Content-Disposition: the last path segment only,
 * without control characters, quotes or backslashes, at most FILE_NAME_MAX characters, with the
 * extension of what the content is (a PDF named "verslag.png" is served as "verslag.pdf").
 */
export function safeFileName(name: string, type: AttachmentType): string {
  const base = (name.toWellFormed().split(/[/\\]/).at(-1) ?? "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim();
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, "").trim() || "bijlage";
  const ext = EXTENSION[type];
  return `${stem.slice(0, FILE_NAME_MAX - ext.length)}${ext}`;
}

/** The Content-Disposition of a download: ASCII fallback plus the UTF-8 name (RFC 6266/5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize("NFD").replace(/[^\x20-\x7e]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Why an upload is refused (Dutch, naming the field), or undefined when it may be stored. */
export function attachmentProblem(
  content: Uint8Array,
  existing: number,
): { status: 400 | 413; message: string } | undefined {
  if (content.length === 0) return { status: 400, message: "Bijlage: het bestand is leeg." };
  if (content.length > ATTACHMENT_MAX_BYTES) return { status: 413, message: tooLargeMessage };
  if (existing >= ATTACHMENTS_PER_REPORT)
    return {
      status: 400,
      message: `Bijlage: een verantwoording heeft hoogstens ${ATTACHMENTS_PER_REPORT} bijlagen. Verwijder er eerst een.`,
    };
  if (!sniffMediaType(content)) return { status: 400, message: wrongTypeMessage };
  return undefined;
}
