import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { measurementCsv } from "../../../test/helpers/measurements.js";
import {
  groupRows,
  KINDS,
  parseDutchNumber,
  parseMeasurementCsv,
  plausibility,
  yearProblem,
} from "./csv-import.js";

const known = {
  indicators: new Map([
    ["cohesie", { id: "i1", unit: "score" as const, scaleMin: 1, scaleMax: 10 }],
    ["vrijwilligers", { id: "i2", unit: "percentage" as const, scaleMin: null, scaleMax: null }],
    ["wmo", { id: "i3", unit: "aantal" as const, scaleMin: null, scaleMax: null }],
  ]),
  areas: new Set(["GM0356", "WK035601"]),
};
/** Parses a file of the header and these rows (line 2 onwards), as in `thisYear` when given. */
const parseRows = (rows: string[], thisYear?: number) =>
  parseMeasurementCsv(measurementCsv(...rows), known, thisYear);

describe("parseDutchNumber", () => {
  it("reads Dutch and international notation", () => {
    expect(parseDutchNumber("3,2")).toBe(3.2);
    expect(parseDutchNumber("1.234,5")).toBe(1234.5);
    expect(parseDutchNumber("46%")).toBe(46);
    expect(parseDutchNumber("-0.5")).toBe(-0.5);
    expect(parseDutchNumber("veel")).toBeUndefined();
    expect(parseDutchNumber("")).toBeUndefined();
  });
  it("reads back every number written with a decimal comma", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100000, max: 100000 }),
        fc.integer({ min: 0, max: 99 }),
        (a, b) => {
          const text = `${a},${String(b).padStart(2, "0")}`;
          expect(parseDutchNumber(text)).toBeCloseTo(
            Number(`${a}.${String(b).padStart(2, "0")}`),
            6,
          );
        },
      ),
    );
  });
});

describe("parseMeasurementCsv", () => {
  it("accepts good rows and folds realisation and target into one measurement", () => {
    const { rows, errors } = parseRows([
      'cohesie,GM0356,2018,,realisatie,"5,9",Monitor Sociale Kracht,,definitief,',
      "cohesie,GM0356,2018,,streefwaarde,6,Jaarverslag,,,",
    ]);
    expect(errors).toEqual([]);
    expect(groupRows(rows)).toEqual([
      expect.objectContaining({
        indicatorId: "i1",
        areaCode: "GM0356",
        year: 2018,
        quarter: 0,
        value: 5.9,
        target: 6,
      }),
    ]);
  });

  it("reports every bad row with its line number and a Dutch reason", () => {
    const { errors } = parseRows([
      "onbekend,GM0356,2020,,realisatie,1,x,,,",
      "cohesie,WK999999,2020,,realisatie,5,x,,,",
      "vrijwilligers,GM0356,2020,,realisatie,140,x,,,",
      "wmo,GM0356,2020,,realisatie,veel,x,,,",
      "wmo,GM0356,2021,,realisatie,3380,CBS,,,",
      "wmo,GM0356,2021,,realisatie,3381,CBS,,,",
      "wmo,GM0356,2022,5,realisatie,3400,CBS,,,",
    ]);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [2, 'onbekende indicator "onbekend"'],
      [3, 'onbekende gebiedscode "WK999999"'],
      [4, "eenheid klopt niet: een percentage moet tussen 0 en 100 liggen (140)"],
      [5, 'waarde "veel" is geen getal'],
      [
        7,
        "dubbele periode: dezelfde indicator, hetzelfde gebied, jaar en soort staan al op regel 6",
      ],
      [8, 'kwartaal "5" moet leeg of 1 tot en met 4 zijn'],
    ]);
  });

  it("reads semicolon-separated files from Dutch spreadsheets", () => {
    const csv =
      "indicator;gebied;jaar;soort;waarde;bron\ncohesie;gm0356;2024;realisatie;5,5;Monitor Sociale Kracht";
    const { rows, errors } = parseMeasurementCsv(csv, known);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ areaCode: "GM0356", value: 5.5 });
  });

  it("names missing columns", () => {
    expect(parseMeasurementCsv("indicator,jaar\n", known).errors[0]?.message).toMatch(
      /Kolommen ontbreken: gebied, soort, waarde, bron/,
    );
  });
});

describe("values a column cannot hold", () => {
  it("reports a day that does not exist and a value too large for numeric(14, 4)", () => {
    const { errors } = parseRows([
      "wmo,GM0356,2020,,realisatie,99999999999999999999999,CBS,,,",
      "wmo,GM0356,2021,,realisatie,3380,CBS,2024-02-30,,",
      "wmo,GM0356,2022,,realisatie,3380,CBS,0000-01-01,,",
      "wmo,GM0356,2023,,realisatie,3380,CBS,2024-02-29,,",
    ]);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(errors[0]?.message).toContain("te groot");
    expect(errors[1]?.message).toContain("bestaande datum");
  });
});

describe("plausibility and years", () => {
  const percentage = { id: "p", unit: "percentage" as const, scaleMin: null, scaleMax: null };

  it("warns that 0,475 looks like a fraction and suggests 47,5", () => {
    expect(plausibility(0.475, percentage)).toEqual({
      warning: "waarde 0,475 lijkt een fractie; bedoelt u 47,5?",
    });
    const { errors, warnings, rows } = parseRows(
      ['vrijwilligers,GM0356,2020,,realisatie,"0,475",x,,,'],
      2026,
    );
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(warnings).toEqual([
      { line: 2, message: "waarde 0,475 lijkt een fractie; bedoelt u 47,5?" },
    ]);
  });

  it("refuses every percentage outside 0-100, warns for every one in (0, 1], nothing else", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (v) => {
        const p = plausibility(v, percentage);
        if (v < 0 || v > 100) expect(p.error).toBeDefined();
        else if (v > 0 && v <= 1) expect(p).toEqual({ warning: expect.any(String) });
        else expect(p).toEqual({});
      }),
    );
  });

  it("refuses a realisation in a future year but accepts a target or estimate there", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1900, max: 2100 }),
        fc.constantFrom(...KINDS),
        (year, now, kind) => {
          const problem = yearProblem(year, kind, now);
          expect(problem !== undefined).toBe(kind === "realisatie" && year > now);
        },
      ),
    );
    expect(yearProblem(1899, "streefwaarde", 2026)).toBe("jaar 1899 ligt niet tussen 1900 en 2100");
  });

  it("reports 2026-13-45 and a future realisation with their row numbers; a future target passes", () => {
    const { errors, rows } = parseRows(
      [
        "vrijwilligers,GM0356,2020,,realisatie,40,x,2026-13-45,,",
        "vrijwilligers,GM0356,2027,,realisatie,40,x,,,",
        "vrijwilligers,GM0356,2030,,streefwaarde,45,x,,,",
      ],
      2026,
    );
    expect(errors.map((e) => e.line)).toEqual([2, 3]);
    expect(errors[0]?.message).toContain("2026-13-45");
    expect(rows.map((r) => r.year)).toEqual([2030]);
  });

  it("every row of any file is either a parsed row or has an error, never both or neither", () => {
    const cell = fc.oneof(
      fc.constantFrom("", "cohesie", "vrijwilligers", "GM0356", "2020", "2040", "5", "0,5"),
      fc.string({ maxLength: 6 }).filter((s) => !/[",\r\n]/.test(s)),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 10, maxLength: 10 }), { maxLength: 8 }),
        (body) => {
          const { rows, errors } = parseRows(
            body.map((cells) => cells.join(",")),
            2026,
          );
          const bad = new Set(errors.map((e) => e.line));
          for (const r of rows) expect(bad.has(r.line)).toBe(false);
          const lines = new Set([...rows.map((r) => r.line), ...bad]);
          body.forEach((cells, i) => {
            if (cells.some((c) => c !== "")) expect(lines.has(i + 2)).toBe(true);
          });
        },
      ),
    );
  });
});
