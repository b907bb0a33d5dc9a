import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
// In CI a missing browser is a failure, not a reason to skip.
if (!hasChromium && process.env.CI)
  throw new Error(`Chromium ontbreekt op ${CHROMIUM}; .ci/run installeert het.`);

/**
 * Tables that collapsed to a letter per line made these pages 65,000-70,000 px tall on a phone.
 * A page a resident can scroll through stays within this.
 */
const MAX_HEIGHT = 12_000;
const PHONE = { width: 375, height: 800 };
const PAGES = ["/monitor", "/evaluatie/beleidskader-2025-2030/2026"];

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!hasChromium) return;
  t = await startTestApp();
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const address = t.app.server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe.skipIf(!hasChromium)("pages of many tables on a phone (375 px)", () => {
  for (const path of PAGES) {
    it(`${path} is at most ${MAX_HEIGHT} px tall and does not scroll sideways`, async () => {
      const context = await browser.newContext({ viewport: PHONE });
      try {
        const page = await context.newPage();
        const response = await page.goto(`${base}${path}`);
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
