import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mentionExcerpt, mentionPattern, mentionRegExp, mentionTerms } from "./area-mentions.js";

describe("mentionTerms", () => {
  it("adds the parts of a double name and the name in policy", () => {
    expect(mentionTerms(["Jutphaas-Wijkersloot", "Jutphaas-Wijkersloot"])).toEqual([
      "Jutphaas-Wijkersloot",
      "Wijkersloot",
      "Jutphaas",
    ]);
    expect(mentionTerms(["Batau Noord", null])).toEqual(["Batau Noord"]);
    expect(mentionTerms(["Park Oudegein", ""])).toEqual(["Park Oudegein"]);
  });

  it("leaves out short parts and empty names", () => {
    expect(mentionTerms(["Hof-Oud", undefined, "  "])).toEqual(["Hof-Oud"]);
    expect(mentionTerms(["Ter Aa-Westwijk"])).toEqual(["Ter Aa-Westwijk", "Westwijk", "Ter Aa"]);
    expect(mentionTerms([])).toEqual([]);
  });

  it("never repeats a term (ignoring case) and keeps every whole name", () => {
    const name = fc.stringMatching(/^[A-Za-z]{1,8}([ -][A-Za-z]{1,8}){0,2}$/);
    fc.assert(
      fc.property(fc.array(name, { maxLength: 4 }), (names) => {
        const terms = mentionTerms(names);
        const lower = terms.map((t) => t.toLowerCase());
        return (
          new Set(lower).size === lower.length &&
          names.every((n) => lower.includes(n.trim().replace(/\s+/g, " ").toLowerCase()))
        );
      }),
    );
  });
});

describe("mentionPattern", () => {
  it("matches whole words, a space or hyphen alike, with regex characters escaped", () => {
    expect(mentionPattern(["Batau Noord", "Jutphaas"])).toBe("\\m(Batau[\\s-]+Noord|Jutphaas)\\M");
    expect(mentionPattern(["St. Jan (oost)"])).toBe("\\m(St\\.[\\s-]+Jan[\\s-]+\\(oost\\))\\M");
    expect(mentionPattern([])).toBeUndefined();
  });
});

describe("mentionExcerpt", () => {
  const pattern = mentionRegExp(mentionTerms(["Batau Noord", "Jutphaas-Wijkersloot"])) as RegExp;

  it("finds the mention as a whole word, a hyphen for a space, in any case", () => {
    expect(
      mentionExcerpt("interventies (Wijkersloot, Jutphaas en Batau-Noord), verder", pattern),
    ).toMatchObject({ match: "Wijkersloot" });
    expect(mentionExcerpt("plan voor batau noord.", pattern)?.match).toBe("batau noord");
    expect(mentionExcerpt("Jutphaasweg en Noord-Batau", pattern)).toBeUndefined();
  });

  it("keeps the text around the match, cut at spaces, with an ellipsis where it goes on", () => {
    const text = `${"woord ".repeat(40)}Jutphaas${" tekst".repeat(40)}`;
    const e = mentionExcerpt(text, pattern, 30);
    expect(e?.before.startsWith("…")).toBe(true);
    expect(e?.after.endsWith("…")).toBe(true);
    expect(e?.before.endsWith("woord ")).toBe(true);
    expect(e && e.before.length + e.after.length).toBeLessThanOrEqual(64);
  });

  it("always returns the text's own characters around the match", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat(100), (a, b, radius) => {
        const text = `${a} Jutphaas ${b}`;
        const e = mentionExcerpt(text, pattern, radius);
        if (!e) return false;
        const strip = (s: string) => s.replace(/^…|…$/g, "");
        return text.includes(`${strip(e.before)}${e.match}${strip(e.after)}`);
      }),
    );
  });
});
