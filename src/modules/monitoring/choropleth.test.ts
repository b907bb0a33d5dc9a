import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classify } from "./choropleth.js";

describe("classify", () => {
  it("puts the lowest value in the first class and the highest in the last", () => {
    const { classOf } = classify([15, 100, 8130]);
    expect(classOf(15)).toBe(0);
    expect(classOf(8130)).toBe(4);
  });
  it("every value falls in a class whose bounds contain it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 10000, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (values) => {
          const { bounds, classOf } = classify(values);
          for (const v of values) {
            const c = classOf(v);
            expect(c).toBeGreaterThanOrEqual(0);
            expect(c).toBeLessThan(5);
            expect(v).toBeGreaterThanOrEqual((bounds[c] as number) - 1e-9);
            expect(v).toBeLessThanOrEqual((bounds[c + 1] as number) + 1e-6);
          }
        },
      ),
    );
  });
});
