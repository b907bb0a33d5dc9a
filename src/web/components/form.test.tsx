import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { ErrorSummary, Fields, SelectField, TextAreaField, TextField } from "./form.js";

describe("form kit", () => {
  it("renders a text area with its limit up front and the count of the current value", () => {
    const html = renderToString(
      <TextAreaField name="tekst" label="Tekst" value={"abc"} maxLength={5000} help="Kort." />,
    );
    expect(html).toContain('<textarea class="utrecht-textarea utrecht-textarea--html-textarea"');
    expect(html).toContain("Kort. Hoogstens 5.000 tekens.");
    expect(html).toContain("3 van 5.000 tekens gebruikt");
    // The count and the description are read with the field; the live region is polite.
    expect(html).toMatch(/aria-describedby="hulp-tekst teller-tekst"/);
    expect(html).toContain('id="teller-tekst-live" aria-live="polite"');
    expect(html).toContain('<script type="module" src="/assets/js/char-count.js">');
    // The limit comes before the field in the markup, the count after it.
    expect(html.indexOf("Hoogstens")).toBeLessThan(html.indexOf("<textarea"));
    expect(html.indexOf("tekens gebruikt")).toBeGreaterThan(html.indexOf("</textarea>"));
  });

  it("says by how much a text is over, marks the field invalid and escapes the value", () => {
    const html = renderToString(
      <TextAreaField
        name="tekst"
        label="Tekst"
        value={`<b>${"x".repeat(12)}`}
        maxLength={10}
        error="Tekst is te lang: hoogstens 10 tekens (nu 15)."
      />,
    );
    expect(html).toContain("15 van 10 tekens gebruikt: 5 te veel");
    expect(html).toContain("sk-char-count--over");
    expect(html).toContain("utrecht-textarea--invalid");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="hulp-tekst fout-tekst teller-tekst"');
    expect(html).toContain("&lt;b>");
    expect(html).not.toContain("<b>");
  });

  it("states a text field's limit in its description, without cutting input short", () => {
    const html = renderToString(<TextField name="titel" label="Titel" maxLength={300} />);
    expect(html).toContain("Hoogstens 300 tekens.");
    expect(html).toContain('aria-describedby="hulp-titel"');
    expect(html).not.toContain("maxlength");
    expect(renderToString(<TextField name="titel" label="Titel" />)).not.toContain("Hoogstens");
  });

  it("renders a select with the Utrecht select classes and the chosen option", () => {
    const html = renderToString(
      <SelectField
        name="status"
        label="Status"
        value="b"
        options={[
          { value: "a", label: "A" },
          { value: "b", label: "B" },
        ]}
      />,
    );
    expect(html).toContain('class="utrecht-select utrecht-select--html-select"');
    expect(html).toMatch(/<option value="b" selected>B<\/option>/);
  });

  it("gives the error summary focus on load, without script", () => {
    const html = renderToString(
      <ErrorSummary errors={[{ field: "tekst", message: "Tekst is verplicht." }]} />,
    );
    expect(html).toContain('tabindex="-1"');
    expect(html).toContain("autofocus");
    expect(html).toContain('href="#veld-tekst"');
    expect(renderToString(<ErrorSummary errors={[]} />)).toBe("");
  });
});

describe("Fields", () => {
  it("renders each kind of field from one list, each with its own error", () => {
    const html = renderToString(
      <Fields
        errors={[{ field: "b", message: "B is te lang: hoogstens 10 tekens (nu 11)." }]}
        fields={[
          { name: "a", label: "A", maxLength: 5, required: true },
          { kind: "textarea", name: "b", label: "B", value: "x".repeat(11), maxLength: 10 },
          { kind: "select", name: "c", label: "C", options: [{ value: "1", label: "Een" }] },
        ]}
      />,
    );
    expect(html).toContain(
      '<input type="text" class="utrecht-textbox utrecht-textbox--html-input"',
    );
    expect(html).toContain("B is te lang: hoogstens 10 tekens (nu 11).");
    expect(html).toContain('id="fout-b"');
    expect(html).not.toContain('id="fout-a"');
    expect(html).toContain('<select class="utrecht-select utrecht-select--html-select"');
  });
});
