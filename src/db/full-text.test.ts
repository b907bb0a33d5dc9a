import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HIT_END, HIT_START, snippetParts } from "./full-text.js";

const plain = fc.string({ maxLength: 12 }).map((s) => s.replace(/[\uE000\uE001]/g, ""));

describe("snippetParts", () => {
  it("gives back the text without markers, and exactly the marked words as hits", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(plain, plain), { maxLength: 5 }), plain, (pairs, tail) => {
        const snippet =
          pairs.map(([before, hit]) => `${before}${HIT_START}${hit}${HIT_END}`).join("") + tail;
        const parts = snippetParts(snippet);
        expect(parts.map((p) => p.text).join("")).toBe(
          pairs.map(([before, hit]) => before + hit).join("") + tail,
        );
        expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(pairs.map(([, hit]) => hit));
      }),
    );
  });
});
