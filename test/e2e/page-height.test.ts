import { describe, expect, it } from "vitest";
import { hasChromium, useBrowserApp } from "./browser.js";

/**
 * Tables that collapsed to a letter per line made these pages 65,000-70,000 px tall on a phone.
 * A page a resident can scroll through stays within this.
 */
const MAX_HEIGHT = 12_000;
const PHONE = { width: 375, height: 800 };
const PAGES = ["/monitor", "/evaluatie/beleidskader-2025-2030/2026"];

const e2e = useBrowserApp();

describe.skipIf(!hasChromium)("pages of many tables on a phone (375 px)", () => {
  for (const path of PAGES) {
    it(`${path} is at most ${MAX_HEIGHT} px tall and does not scroll sideways`, async () => {
      const context = await e2e.browser.newContext({ viewport: PHONE });
      try {
        const page = await context.newPage();
        const response = await page.goto(`${e2e.base}${path}`);
        expect(response?.status()).toBe(200);
        const size = await page.evaluate(() => ({
          height: document.documentElement.scrollHeight,
          width: document.documentElement.scrollWidth,
          tables: document.querySelectorAll("table").length,
        }));
        // Not an empty page passing by accident.
        expect(size.tables).toBeGreaterThan(0);
        expect(size.height).toBeLessThanOrEqual(MAX_HEIGHT);
        expect(size.width).toBeLessThanOrEqual(PHONE.width);
      } finally {
        await context.close();
      }
    }, 60_000);
  }
});
