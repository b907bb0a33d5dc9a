import { describe, expect, it } from "vitest";
import { describeSchemaIssues } from "./validation-messages.js";

describe("describeSchemaIssues", () => {
  it("names the missing field in Dutch", () => {
    const r = describeSchemaIssues(
      [{ keyword: "required", instancePath: "", params: { missingProperty: "gebied" } }],
      "body",
    );
    expect(r.detail).toBe("In de invoer: gebied: verplicht, vul dit in.");
    expect(r.fieldErrors).toEqual([{ field: "gebied", message: "gebied: verplicht, vul dit in." }]);
  });

  it("reports a union of constants as one list of allowed values", () => {
    const r = describeSchemaIssues(
      [
        { keyword: "const", instancePath: "/niveau", params: { allowedValue: "wijk" } },
        { keyword: "const", instancePath: "/niveau", params: { allowedValue: "buurt" } },
        { keyword: "anyOf", instancePath: "/niveau", params: {} },
      ],
      "querystring",
    );
    expect(r.detail).toBe(
      "In de zoekparameters: niveau: moet een van deze waarden zijn: wijk, buurt.",
    );
  });

  it("keeps one message per field", () => {
    const r = describeSchemaIssues(
      [
        { keyword: "type", instancePath: "/jaar", params: { type: "integer" } },
        { keyword: "minimum", instancePath: "/jaar", params: { limit: 2000 } },
      ],
      "body",
    );
    expect(r.fieldErrors).toEqual([
      { field: "jaar", message: "jaar: moet een geheel getal zijn." },
    ]);
  });

  it("names the field and the rule for lengths and bounds", () => {
    const r = describeSchemaIssues(
      [
        { keyword: "maxLength", instancePath: "/titel", params: { limit: 300 } },
        { keyword: "maximum", instancePath: "/streefwaarde", params: { limit: 1e12 } },
      ],
      "body",
    );
    expect(r.fieldErrors).toEqual([
      { field: "titel", message: "titel: te lang, hoogstens 300 tekens." },
      { field: "streefwaarde", message: "streefwaarde: te groot, hoogstens 1000000000000." },
    ]);
  });
});
