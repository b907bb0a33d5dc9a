import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ERROR_TEXT_MAX, errorText } from "./error-text.js";

describe("errorText", () => {
  it("leaves out e-mail addresses, as an SMTP refusal names them", () => {
    expect(
      errorText(new Error("550 5.1.1 <jan.jansen@example.org>: Recipient address rejected")),
    ).toBe("550 5.1.1 <[adres]>: Recipient address rejected");
    expect(
      errorText(new Error("Can't send mail - all recipients were rejected: a@b.nl, c@d.nl")),
    ).toBe("Can't send mail - all recipients were rejected: [adres], [adres]");
  });

  it("is one line, never empty, never longer than the limit, and never holds an address", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), fc.emailAddress(), (text, address) => {
        const kept = errorText(new Error(`${text} ${address} ${text}`));
        expect(kept.length).toBeGreaterThan(0);
        expect(kept.length).toBeLessThanOrEqual(ERROR_TEXT_MAX);
        expect(kept).not.toMatch(/\n/);
        expect(kept).not.toContain(address);
      }),
    );
  });

  it("reads errors that are not Error objects", () => {
    expect(errorText("verbinding geweigerd")).toBe("verbinding geweigerd");
    expect(errorText(new Error(""))).toBe("Error");
    expect(errorText(undefined)).toBe("undefined");
  });
});
