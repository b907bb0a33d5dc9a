import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_REPORT,
  attachmentProblem,
  contentDisposition,
  FILE_NAME_MAX,
  safeFileName,
  sniffMediaType,
} from "./attachment-rules.js";

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const EXE = [0x4d, 0x5a, 0x90, 0x00]; // "MZ": a Windows program

const bytes = (head: number[], tail: number[] = []) => Uint8Array.from([...head, ...tail]);

describe("sniffing the media type", () => {
  it("knows PDF, PNG and JPEG by their first bytes, whatever follows", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }), (tail) => {
        expect(sniffMediaType(bytes(PDF, tail))).toBe("application/pdf");
        expect(sniffMediaType(bytes(PNG, tail))).toBe("image/png");
        expect(sniffMediaType(bytes(JPEG, tail))).toBe("image/jpeg");
        expect(sniffMediaType(bytes(EXE, tail))).toBeUndefined();
      }),
    );
  });

  it("accepts nothing that does not start with a known signature", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (content) => {
        const type = sniffMediaType(content);
        if (type === "application/pdf") expect(content[0]).toBe(0x25);
        if (type === "image/png") expect(content[0]).toBe(0x89);
        if (type === "image/jpeg") expect(content[0]).toBe(0xff);
      }),
    );
    expect(sniffMediaType(new Uint8Array())).toBeUndefined();
    expect(sniffMediaType(Uint8Array.from([0x25, 0x50]))).toBeUndefined();
  });
});

describe("refusing an upload", () => {
  it("refuses empty, oversized, unknown or one too many, in Dutch", () => {
    expect(attachmentProblem(new Uint8Array(), 0)?.message).toContain("leeg");
    const big = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
    big.set(PDF);
    expect(attachmentProblem(big, 0)).toMatchObject({ status: 413 });
    expect(attachmentProblem(bytes(EXE), 0)?.message).toContain("PDF, PNG of JPEG");
    expect(attachmentProblem(bytes(PDF), ATTACHMENTS_PER_REPORT)?.message).toContain("hoogstens");
    expect(attachmentProblem(bytes(PDF), 0)).toBeUndefined();
  });
});

describe("file names", () => {
  it("keeps a safe name with the extension of the content", () => {
    expect(safeFileName("C:\\map\\verslag 2025.png", "application/pdf")).toBe("verslag 2025.pdf");
    expect(safeFileName("../../etc/passwd", "image/png")).toBe("passwd.png");
    expect(safeFileName("", "image/jpeg")).toBe("bijlage.jpg");
  });

  it("never has a path, a quote, a control character or too many characters", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (name) => {
        const safe = safeFileName(name, "application/pdf");
        // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
        expect(safe).not.toMatch(/[/\\"\u0000-\u001f\u007f]/);
        expect(safe.length).toBeLessThanOrEqual(FILE_NAME_MAX);
        expect(safe.endsWith(".pdf")).toBe(true);
        expect(contentDisposition(safe)).toMatch(
          /^attachment; filename="[\x20-\x7e]*"; filename\*=/,
        );
      }),
    );
  });
});
