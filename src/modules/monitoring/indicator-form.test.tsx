import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { loadTenant } from "../../config/tenant.js";
import type { PageContext } from "../../web/context.js";
import { IndicatorEditForm } from "./indicator-form.js";
import type { IndicatorRow } from "./repository.js";

const ctx: PageContext = {
  tenant: loadTenant(),
  account: undefined,
  csrfToken: "token",
  currentPath: "/monitor/msk-eenzaamheid",
  flash: undefined,
};

const indicator = {
  slug: "msk-eenzaamheid",
  name: "Mate van eenzaamheid",
  definition: "Aandeel inwoners dat zich eenzaam voelt.",
  source: "Monitor Sociale Kracht",
  direction: "lager_is_beter",
  role: "effect",
  targetValue: 40.5,
  targetYear: 2030,
  story: "Het verhaal.",
  archived: false,
} as unknown as IndicatorRow;

describe("the indicator edit form", () => {
  it("shows the stored values, with a Dutch decimal comma", () => {
    const html = renderToString(<IndicatorEditForm ctx={ctx} indicator={indicator} />);
    for (const shown of [
      'value="Mate van eenzaamheid"',
      'value="40,5"',
      'value="2030"',
      ">Het verhaal.</textarea>",
    ])
      expect(html).toContain(shown);
  });

  it("after a refused save shows what was typed, not the stored values", () => {
    const html = renderToString(
      <IndicatorEditForm
        ctx={ctx}
        indicator={indicator}
        errors={[{ field: "streefjaar", message: "Streefjaar moet een jaartal zijn." }]}
        values={{ naam: "Nieuwe naam", streefjaar: "3000", verhaal: "Getypt verhaal." }}
      />,
    );
    expect(html).toContain('value="Nieuwe naam"');
    expect(html).toContain('value="3000"');
    expect(html).toContain(">Getypt verhaal.</textarea>");
    expect(html).not.toContain(">Het verhaal.</textarea>");
    // What was not sent keeps its stored value.
    expect(html).toContain('value="40,5"');
    expect(html).toContain("Streefjaar moet een jaartal zijn.");
  });
});
