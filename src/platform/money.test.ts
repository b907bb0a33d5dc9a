import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAmountInput, formatEuro, MAX_CENTS, parseEuroCents } from "./money.js";

const cents = (text: string) => {
  const r = parseEuroCents(text);
  if (!r.ok) throw new Error(r.message);
  return r.cents;
};
const message = (text: string, label?: string) => {
  const r = parseEuroCents(text, label);
  if (r.ok) throw new Error(`accepted ${text}`);
  return r.message;
};

describe("parseEuroCents", () => {
  it("reads amounts as people type them in Dutch", () => {
    expect(cents("1.250,00")).toBe(125_000);
    expect(cents("1250")).toBe(125_000);
    expect(cents("1250,5")).toBe(125_050);
    expect(cents("€ 1.250")).toBe(125_000);
    expect(cents("1.250")).toBe(125_000);
    expect(cents("1250.50")).toBe(125_050);
    expect(cents("0,01")).toBe(1);
    expect(cents(",5")).toBe(50);
    expect(cents("1.000.000,-")).toBe(100_000_000);
    expect(cents(" 12 ")).toBe(1200);
    expect(cents("100.000.000,00")).toBe(MAX_CENTS);
  });

  it("refuses with a Dutch message naming the field", () => {
    expect(message("", "Bedrag")).toBe("Bedrag is verplicht.");
    expect(message("-5", "Bedrag")).toBe("Bedrag mag niet negatief zijn.");
    expect(message("€ -1.250,00")).toMatch(/niet negatief/);
    expect(message("abc", "Bedrag")).toBe(
      "Bedrag moet een bedrag in euro zijn, bijvoorbeeld 1.250,00.",
    );
    expect(message("1,234")).toMatch(/hoogstens twee/);
    expect(message("100.000.000,01")).toMatch(/te groot: hoogstens € 100\.000\.000,00/);
    expect(message("9".repeat(400))).toMatch(/te groot/);
    for (const bad of ["1,2,3", "12.34.5", "1e5", "Infinity", "NaN", "0x10", "1..2", ",", "."]) {
      expect(message(bad)).toMatch(/moet een bedrag in euro zijn/);
    }
  });

  it("reads back every amount it formats, exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_CENTS }), (c) => {
        expect(cents(formatEuro(c))).toBe(c);
        expect(cents(formatAmountInput(c))).toBe(c);
      }),
    );
  });

  it("refuses every negative and every over-large amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (c) => {
        expect(parseEuroCents(`-${formatAmountInput(c)}`).ok).toBe(false);
        if (c > MAX_CENTS) expect(parseEuroCents(formatAmountInput(c)).ok).toBe(false);
      }),
    );
  });

  it("gives a whole number of cents or a message for any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const r = parseEuroCents(text);
        if (r.ok) {
          expect(Number.isInteger(r.cents)).toBe(true);
          expect(r.cents).toBeGreaterThanOrEqual(0);
          expect(r.cents).toBeLessThanOrEqual(MAX_CENTS);
        } else expect(r.message).toMatch(/^Bedrag /);
      }),
    );
  });
});

describe("formatEuro", () => {
  it("writes cents as a Dutch euro amount", () => {
    expect(formatEuro(125_000)).toBe("€ 1.250,00");
    expect(formatEuro(5)).toBe("€ 0,05");
    expect(formatEuro(0)).toBe("€ 0,00");
    expect(formatEuro(123_456_789)).toBe("€ 1.234.567,89");
  });
});
