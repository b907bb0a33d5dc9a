import { describe, expect, it } from "vitest";
import { describeSchemaIssues } from "./validation-messages.js";

describe("describeSchemaIssues", () => {
  it("names the missing field in Dutch", () => {
    const r = describeSchemaIssues(
      [{ keyword: "required", instancePath: "", params: { missingProperty: "gebied" } }],
      "body",
    );
    expect(r.detail).toBe('In de invoer: "gebied" is verplicht.');
    expect(r.fieldErrors).toEqual([{ field: "gebied", message: '"gebied" is verplicht.' }]);
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
      'In de zoekparameters: "niveau" moet een van deze waarden hebben: wijk, buurt.',
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
      { field: "jaar", message: '"jaar" moet van het type geheel getal zijn.' },
    ]);
  });
});
