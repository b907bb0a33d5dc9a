import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/helpers/app.js";

/** The chart images and the wijk comparison as a visitor gets them, from the seeded Nieuwegein data. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const staff = await t.sessionFor("beleidsmedewerker");
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/metingen/import",
    headers: { cookie: staff, "content-type": "text/csv" },
    payload: [
      "indicator,gebied,jaar,kwartaal,soort,waarde,bron,publicatiedatum,status,toelichting",
      "msk-hulp-aan-buren,WK035608,2024,,realisatie,51,Testbron,,,",
    ].join("\n"),
  });
  expect(res.json()).toMatchObject({ geslaagd: true });
});
afterAll(async () => {
  await t?.close();
});

describe("charts and the wijk comparison", () => {
  it("a single measurement (46% in 2024) is a point labelled with its year", async () => {
    const svg = (await t.app.inject({ url: "/monitor/msk-hulp-aan-buren/grafiek.svg" })).body;
    expect(svg).toContain(">2024: 46</text>");
    expect(svg).not.toMatch(/stroke-dasharray/);
  });

  it("two measurements (2018 and 2024) draw no trend line and give no trend status", async () => {
    const svg = (await t.app.inject({ url: "/monitor/msk-sociale-samenhang/grafiek.svg" })).body;
    expect(svg).not.toMatch(/stroke-dasharray/);
    expect(svg).toContain(">5,9</text>");
    const page = (await t.app.inject({ url: "/monitor/msk-sociale-samenhang" })).body;
    expect(page).not.toContain("de trend doorgetrokken");
    expect(page).not.toContain("Trend: ");
  });

  it("the page offers the narrow chart to phones, and it is drawn at 320 px", async () => {
    const page = (await t.app.inject({ url: "/monitor/msk-hulp-aan-buren" })).body;
    expect(page).toMatch(
      /<source media="\(max-width: 40em\)" srcset="\/monitor\/msk-hulp-aan-buren\/grafiek.svg\?formaat=smal"/,
    );
    const narrow = await t.app.inject({
      url: "/monitor/msk-hulp-aan-buren/grafiek.svg?formaat=smal",
    });
    expect(narrow.statusCode).toBe(200);
    expect(narrow.body).toContain('width="320"');
    const bars = await t.app.inject({ url: "/monitor/msk-hulp-aan-buren/wijken.svg?formaat=smal" });
    expect(bars.body).toContain(": 51</text>");
  });

  it("says a wijk's difference from the municipality in procentpunt (51% against 46%)", async () => {
    const page = (await t.app.inject({ url: "/monitor/msk-hulp-aan-buren" })).body;
    expect(page).toContain("boven (+5 procentpunt), beter");
    expect(page).not.toContain("+5%");
  });
});
