import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { choiceProblem, problems, rangeProblem, textProblem } from "./field-rules.js";

const rule = { field: "tekst", label: "Tekst", max: 5000, required: true };

describe("field rules", () => {
  it("says verplicht for an empty required text and te lang for a long one", () => {
    expect(textProblem("", rule)?.message).toBe("Tekst is verplicht.");
    expect(textProblem(undefined, rule)?.message).toBe("Tekst is verplicht.");
    expect(textProblem("   ", rule)?.message).toBe("Tekst is verplicht.");
    expect(textProblem("x".repeat(5001), rule)?.message).toBe(
      "Tekst is te lang: hoogstens 5.000 tekens (nu 5.001).",
    );
    expect(textProblem("", { ...rule, required: false })).toBeUndefined();
  });

  it("never calls a non-empty text verplicht; a text within the limit passes", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() !== ""),
        fc.integer({ min: 1, max: 60 }),
        (s, max) => {
          const found = textProblem(s, { ...rule, max });
          if (s.length <= max) expect(found).toBeUndefined();
          else expect(found?.message).toMatch(/te lang: hoogstens \d+ tekens/);
          expect(found?.message ?? "").not.toContain("verplicht");
        },
      ),
    );
  });

  it("states the range of a number that falls outside it", () => {
    const gewicht = { field: "gewicht", label: "Gewicht", min: 0, max: 1000 };
    expect(rangeProblem(1001, gewicht)?.message).toBe(
      "Gewicht moet een getal van 0 tot en met 1.000 zijn.",
    );
    expect(rangeProblem(Number.NaN, gewicht)?.field).toBe("gewicht");
    expect(rangeProblem(undefined, gewicht)).toBeUndefined();
    expect(rangeProblem(0, gewicht)).toBeUndefined();
    expect(problems(undefined, rangeProblem(-1, gewicht))).toHaveLength(1);
  });

  it("accepts a listed choice, names the allowed values otherwise, and says verplicht only when required", () => {
    const choice = { field: "soort", label: "Soort", allowed: ["begroting", "beleidskader"] };
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (value) => {
        const found = choiceProblem(value, choice);
        if (value === "" || choice.allowed.includes(value)) expect(found).toBeUndefined();
        else expect(found?.message).toBe("Soort moet een van deze zijn: begroting, beleidskader.");
      }),
    );
    expect(choiceProblem(undefined, { ...choice, required: true })?.message).toBe(
      "Soort is verplicht.",
    );
    expect(choiceProblem("", { ...choice, required: true })?.field).toBe("soort");
  });
});
