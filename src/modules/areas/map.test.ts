import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { square } from "../../../test/helpers/shapes.js";
import { projectShapes } from "./map.js";

describe("projectShapes", () => {
  it("returns nothing when no feature has a usable geometry", () => {
    expect(projectShapes([{ code: "A", name: "A", geometry: null }])).toBeUndefined();
  });

  it("keeps every projected point inside the view box", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 4, max: 6, noNaN: true }),
            fc.double({ min: 51, max: 53, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        (corners) => {
          const map = projectShapes(
            corners.map(([x, y], i) => ({
              code: `W${i}`,
              name: "w",
              geometry: square(x, y, 0.01),
            })),
          );
          expect(map).toBeDefined();
          const numbers = (map?.shapes ?? []).flatMap(
            (s) => s.path.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [],
          );
          for (const n of numbers) {
            expect(n).toBeGreaterThanOrEqual(0);
            expect(n).toBeLessThanOrEqual(Math.max(map?.width ?? 0, map?.height ?? 0) + 0.1);
          }
        },
      ),
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
        fc.array(
          fc.tuple(
            fc.double({ min: 5, max: 5.2, noNaN: true }),
            fc.double({ min: 52, max: 52.1, noNaN: true }),
            fc.double({ min: 0.001, max: 0.05, noNaN: true }),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        (squares) => {
          const map = projectShapes(
            squares.map(([x, y, size], i) => ({
              code: String(i),
              name: String(i),
              geometry: square(x, y, size),
            })),
          );
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
