import { describe, expect, it } from "vitest";
import { importMeasurements } from "../../src/modules/monitoring/index.js";
import { systemActor } from "../../src/platform/actor.js";
import { measurementCsv } from "../helpers/measurements.js";
import { axeViolations, browserContext, hasChromium, useBrowserApp, WIDTHS } from "./browser.js";

/*
 * The wijk page with its registered sections filled (figures with a hidden small count, policy
 * texts with a marked mention) and the search page with results of every kind and "Bedoelde u",
 * at a phone's and a desktop's width: no axe violations, no sideways scrolling of the page.
 */

const e2e = useBrowserApp(async (t) => {
  const csv = measurementCsv(
    "msk-eenzaamheid,WK035604,2024,,realisatie,51,Wijkmonitor (test),,,",
    "dementie,WK035604,2023,,realisatie,3,Wijkmonitor (test),,,",
  );
  const imported = await importMeasurements(t.database.db, systemActor("GM0356", "test"), csv);
  if (!imported.ok) throw new Error("import failed");
});

const PAGES = [
  "/gebieden/WK035604",
  "/gebieden",
  "/zoeken?q=eenzaamheid",
  "/zoeken?q=eenzaamhied",
  "/zoeken?q=inwoners%20or%20zorg&soort=activiteiten",
];

describe.skipIf(!hasChromium)("wijk page and search in headless Chromium", () => {
  for (const width of WIDTHS) {
    it(`have no axe violations and no sideways scrolling at ${width} px`, async () => {
      const context = await browserContext(e2e.browser, e2e.base, undefined, width);
      const page = await context.newPage();
      for (const path of PAGES) {
        await page.goto(`${e2e.base}${path}`);
        expect(await axeViolations(page), path).toEqual([]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
      await page.goto(`${e2e.base}/gebieden/WK035604`);
      expect(await page.textContent("#sectie-cijfers")).toBe("Cijfers voor deze wijk");
      expect(await page.textContent("main")).toContain("niet getoond (privacy)");
      await context.close();
    });
  }
});
