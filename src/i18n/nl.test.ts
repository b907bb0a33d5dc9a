import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countOf } from "./nl.js";

describe("countOf", () => {
  it("uses the singular for exactly one and the plural otherwise", () => {
    expect(countOf(1, "resultaat", "resultaten")).toBe("1 resultaat");
    expect(countOf(0, "resultaat", "resultaten")).toBe("0 resultaten");
    expect(countOf(1234, "regel", "regels")).toBe("1.234 regels");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), (n) => {
        expect(countOf(n, "meting", "metingen").endsWith(n === 1 ? " meting" : " metingen")).toBe(
          true,
        );
      }),
    );
  });
});
