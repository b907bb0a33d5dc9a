import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRecords, toCsv } from "./csv.js";

describe("parseCsv", () => {
  it("reads quoted fields with separators, quotes and line breaks", () => {
    expect(parseCsv('a,"b,c","d ""e""","f\ng"\r\n1,2,3,4\n')).toEqual([
      ["a", "b,c", 'd "e"', "f\ng"],
      ["1", "2", "3", "4"],
    ]);
  });

  it("strips a byte-order mark and keeps empty cells", () => {
    expect(parseCsvRecords("\uFEFFx,y\n1,\n")).toEqual([{ x: "1", y: "" }]);
  });

  it("rejects an unterminated quote", () => {
    expect(() => parseCsv('a,"b')).toThrow(/aanhalingstekens/);
  });

  it("round-trips whatever toCsv writes", () => {
    const cell = fc.string({
      unit: fc.constantFrom("a", "b", ",", '"', "\n", " ", "é"),
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 5 }),
        (rows) => {
          const text = toCsv(["k1", "k2"], rows);
          const parsed = parseCsv(text);
          expect(parsed.slice(1)).toEqual(rows.map((r) => r.map((c) => c)));
        },
      ),
    );
  });
});
