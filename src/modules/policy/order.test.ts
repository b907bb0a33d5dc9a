import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neighbour } from "./order.js";

describe("neighbour", () => {
  const rows = [
    { id: "a", position: 0 },
    { id: "b", position: 5 },
    { id: "c", position: 9 },
  ];
  it("finds the item before or after, by position", () => {
    expect(neighbour(rows, "b", "omhoog")?.id).toBe("a");
    expect(neighbour(rows, "b", "omlaag")?.id).toBe("c");
  });
  it("has none beyond the ends", () => {
    expect(neighbour(rows, "a", "omhoog")).toBeUndefined();
    expect(neighbour(rows, "c", "omlaag")).toBeUndefined();
  });
  it("moving up then down returns to the same neighbour pair", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 20 }),
        fc.nat(),
        (positions, pick) => {
          const items = positions.map((p, i) => ({ id: `i${i}`, position: p }));
          const item = items[pick % items.length] as { id: string; position: number };
          const up = neighbour(items, item.id, "omhoog");
          if (up) expect(neighbour(items, up.id, "omlaag")?.id).toBe(item.id);
        },
      ),
    );
  });
});
