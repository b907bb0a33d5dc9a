import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { square } from "../../../test/helpers/shapes.js";
import { projectShapes } from "./map.js";

/**
 * One to `maxLength` square wijken, lower-left corners within the box (degrees), sizes drawn from
 * `size`.
 */
const squareWijken = (
  box: { x: [number, number]; y: [number, number] },
  size: fc.Arbitrary<number>,
  maxLength: number,
) =>
  fc
    .array(
      fc.tuple(
        fc.double({ min: box.x[0], max: box.x[1], noNaN: true }),
        fc.double({ min: box.y[0], max: box.y[1], noNaN: true }),
        size,
      ),
      { minLength: 1, maxLength },
    )
    .map((squares) =>
      squares.map(([x, y, side], i) => ({
        code: `W${i}`,
        name: `W${i}`,
        geometry: square(x, y, side),
      })),
    );

describe("projectShapes", () => {
  it("returns nothing when no feature has a usable geometry", () => {
    expect(projectShapes([{ code: "A", name: "A", geometry: null }])).toBeUndefined();
  });

  it("keeps every projected point inside the view box", () => {
    fc.assert(
      fc.property(squareWijken({ x: [4, 6], y: [51, 53] }, fc.constant(0.01), 5), (wijken) => {
        const map = projectShapes(wijken);
        expect(map).toBeDefined();
        const numbers = (map?.shapes ?? []).flatMap(
          (s) => s.path.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [],
        );
        for (const n of numbers) {
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThanOrEqual(Math.max(map?.width ?? 0, map?.height ?? 0) + 0.1);
        }
      }),
    );
  });

  it("puts north at the top", () => {
    const map = projectShapes([
      { code: "N", name: "noord", geometry: square(5, 52.1, 0.01) },
      { code: "Z", name: "zuid", geometry: square(5, 52.0, 0.01) },
    ]);
    const firstY = (path: string) => Number(path.slice(1).split("L")[0]?.split(" ")[1]);
    expect(firstY(map?.shapes[0]?.path ?? "")).toBeLessThan(firstY(map?.shapes[1]?.path ?? ""));
  });
});

describe("labelPoint", () => {
  it("puts a wijk's label inside it: every square's label lies in its square", () => {
    fc.assert(
      fc.property(
        squareWijken(
          { x: [5, 5.2], y: [52, 52.1] },
          fc.double({ min: 0.001, max: 0.05, noNaN: true }),
          8,
        ),
        (wijken) => {
          const map = projectShapes(wijken);
          for (const s of map?.shapes ?? []) {
            const xs = [...s.path.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => Number(m[1]));
            const ys = [...s.path.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => Number(m[2]));
            expect(s.label.x).toBeGreaterThanOrEqual(Math.min(...xs) - 0.2);
            expect(s.label.x).toBeLessThanOrEqual(Math.max(...xs) + 0.2);
            expect(s.label.y).toBeGreaterThanOrEqual(Math.min(...ys) - 0.2);
            expect(s.label.y).toBeLessThanOrEqual(Math.max(...ys) + 0.2);
          }
        },
      ),
    );
  });

  it("labels a wijk in two parts on its larger part", () => {
    const map = projectShapes([
      {
        code: "A",
        name: "A",
        geometry: {
          type: "MultiPolygon",
          coordinates: [square(5, 52, 0.001).coordinates, square(5.1, 52, 0.05).coordinates],
        },
      },
    ]);
    const big = projectShapes([{ code: "B", name: "B", geometry: square(5.1, 52, 0.05) }]);
    expect(map?.shapes[0]?.label.x).toBeGreaterThan((map?.width ?? 0) / 2);
    expect(big?.shapes[0]?.label.x).toBeCloseTo((big?.width ?? 0) / 2, 0);
  });
});
