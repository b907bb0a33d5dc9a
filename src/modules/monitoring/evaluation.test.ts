import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { yearOutsideDocument } from "./evaluation.js";

describe("yearOutsideDocument", () => {
  it("accepts exactly the years from the first to the last year of the document", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1900, max: 2100 }),
        (firstYear, span, year) => {
          const lastYear = firstYear + span;
          const problem = yearOutsideDocument(year, { title: "Kader", firstYear, lastYear });
          expect(problem === undefined).toBe(year >= firstYear && year <= lastYear);
        },
      ),
    );
  });

  it("names the period in Dutch", () => {
    expect(
      yearOutsideDocument(2026, { title: "Begroting 2020", firstYear: 2020, lastYear: 2020 }),
    ).toBe("Begroting 2020 gaat over alleen 2020; voor 2026 is er geen evaluatie.");
  });
});
