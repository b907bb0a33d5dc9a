import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { projectShapes } from "./map.js";

const square = (x: number, y: number, size: number) => ({
  type: "Polygon" as const,
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ] as [number, number][],
  ],
});

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
