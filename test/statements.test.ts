import { describe, expect, it } from "vitest";
import { parseTenant } from "../src/config/tenant.js";
import { readStatement } from "../src/web/statements.js";
import { secondInstance, useTestApp } from "./helpers/app.js";

const t = useTestApp();

describe("accessibility and privacy statements", () => {
  it("both pages render the municipality's statement with its headings", async () => {
    const accessibility = await t.app.inject({ url: "/toegankelijkheid" });
    expect(accessibility.statusCode).toBe(200);
    expect(accessibility.body).toContain(
      '<h1 class="nl-heading nl-heading--level-1">Toegankelijkheidsverklaring</h1>',
    );
    expect(accessibility.body).toContain(">Status</h2>");
    expect(accessibility.body).toContain("WCAG) 2.2 op niveau AA");
    expect(accessibility.body).toContain("mailto:");
    const privacy = await t.app.inject({ url: "/privacy" });
    expect(privacy.statusCode).toBe(200);
    expect(privacy.body).toContain(
      '<h1 class="nl-heading nl-heading--level-1">Privacyverklaring</h1>',
    );
    expect(privacy.body).toContain(">Als u een account heeft</h2>");
    expect(privacy.body).toContain('<time datetime="2026-11-26">26 november 2026</time>');
  });

  it("every page's footer links to both statements", async () => {
    for (const url of ["/", "/beleid", "/monitor", "/bestaat-niet"]) {
      const res = await t.app.inject({ url });
      const footer = res.body.slice(res.body.indexOf('<footer class="sk-footer">'));
      expect(footer, url).toContain('href="/toegankelijkheid"');
      expect(footer, url).toContain('href="/privacy"');
    }
  });

  it("a municipality without statements gets a page that says so and whom to ask", async () => {
    const app = await secondInstance(t, { tenant: { ...t.tenant, statements: {} } });
    try {
      for (const url of ["/toegankelijkheid", "/privacy"]) {
        const res = await app.inject({ url });
        expect(res.statusCode).toBe(200);
        expect(res.body).toContain("nog geen");
        expect(res.body).toContain(`mailto:${t.tenant.contact.email}`);
      }
    } finally {
      await app.close();
    }
  });

  it("the configuration names a statement file that is missing; a malformed file names itself", () => {
    const tenant = {
      municipality: { code: "GM0356", name: "Nieuwegein" },
      dataSet: "data/nieuwegein",
      theme: { package: "p", stylesheet: "dist/theme.css", className: "c" },
      contact: { name: "n", url: "https://example.org", email: "a@b.nl" },
    };
    expect(parseTenant(tenant).statements).toEqual({});
    expect(() =>
      parseTenant({ ...tenant, statements: { privacy: "data/nieuwegein/verklaringen/geen.json" } }),
    ).toThrow(/statements.privacy .*geen\.json/);
    expect(() => readStatement("config/tenant.json")).toThrow(/config\/tenant\.json/);
  });
});
