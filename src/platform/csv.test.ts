import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutralise, parseCsv, parseCsvRecords, toCsv, unneutralise } from "./csv.js";

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

describe("toCsv against formula injection", () => {
  // Characters that matter here, so the interesting cases come up often; and any text at all.
  const tricky = fc.string({
    unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", '"', ",", "\n", "1", ".", "a", " "),
    maxLength: 8,
  });
  const number = fc.oneof(fc.integer(), fc.double({ noNaN: true }));
  const cell = fc.oneof(tricky, fc.string(), fc.string({ unit: "binary" }), number);

  it("reads back every cell as written, and starts no cell with a formula character", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 5 }),
        (rows) => {
          const parsed = parseCsv(toCsv(["a", "b", "c"], rows)).slice(1);
          // parseCsv drops a line that is one empty cell; rows here have three cells.
          expect(parsed.map((r) => r.map(unneutralise))).toEqual(rows.map((r) => r.map(String)));
          for (const exported of parsed.flat()) {
            expect(/^[=+\-@\t\r]/.test(exported) && !/^-?\d+([.,]\d+)?$/.test(exported)).toBe(
              false,
            );
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("quotes a neutralised cell and keeps plain negative numbers as numbers", () => {
    expect(
      toCsv(["x"], [['=HYPERLINK("http://x","klik")'], ["@SUM(A1)"], ["\tx"], ["+31 6"]]),
    ).toBe(
      'x\r\n"\'=HYPERLINK(""http://x"",""klik"")"\r\n"\'@SUM(A1)"\r\n"\'\tx"\r\n"\'+31 6"\r\n',
    );
    expect(toCsv(["x", "y", "z"], [[-3, "-0,5", "-1.25"]])).toBe('x,y,z\r\n-3,"-0,5",-1.25\r\n');
    expect(neutralise("-3 - 1")).toBe("'-3 - 1");
    expect(neutralise("- opsomming")).toBe("'- opsomming");
    expect(neutralise("'=1+1")).toBe("''=1+1");
    expect(unneutralise("''=1+1")).toBe("'=1+1");
    expect(unneutralise("'tekst")).toBe("'tekst");
    expect(unneutralise("'-3")).toBe("-3");
  });
});
