import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareYears, type VersionedItem } from "./diff.js";

const item = (id: string, text: string, copiedFromId: string | null = null): VersionedItem => ({
  id,
  copiedFromId,
  kind: "activiteit",
  text,
  context: "Programma",
});

describe("compareYears", () => {
  it("finds added, dropped and reworded items", () => {
    const previous = [
      item("a", "Buurtplan maken"),
      item("b", "Meldpunt eenzaamheid"),
      item("c", "Voorlezen thuis"),
    ];
    const current = [
      item("a2", "Buurtplan maken", "a"),
      item("c2", "Voorlezen thuis stimuleren", "c"),
      item("d", "Logeerhuis"),
    ];
    const r = compareYears(previous, current);
    expect(r.added.map((i) => i.id)).toEqual(["d"]);
    expect(r.dropped.map((i) => i.id)).toEqual(["b"]);
    expect(r.reworded.map((p) => [p.before.id, p.after.id])).toEqual([["c", "c2"]]);
    expect(r.unchanged).toBe(1);
  });

  it("ignores differences in white space only", () => {
    expect(compareYears([item("a", "Een  tekst\n")], [item("b", "Een tekst", "a")]).unchanged).toBe(
      1,
    );
  });

  it("accounts for every item exactly once", () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 20 }),
        fc.array(fc.boolean(), { maxLength: 20 }),
        fc.nat(5),
        (keep, reword, extra) => {
          const previous = keep.map((_, i) => item(`p${i}`, `tekst ${i}`));
          const current = [
            ...previous
              .filter((_, i) => keep[i])
              .map((p, i) => item(`n${i}`, reword[i] ? `${p.text} (nieuw)` : p.text, p.id)),
            ...Array.from({ length: extra }, (_, i) => item(`x${i}`, `extra ${i}`)),
          ];
          const r = compareYears(previous, current);
          expect(r.added.length + r.reworded.length + r.unchanged).toBe(current.length);
          expect(r.dropped.length + r.reworded.length + r.unchanged).toBe(previous.length);
        },
      ),
    );
  });
});
