import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.js";

/** What the end-to-end tests share: the browser, the app on a port, and axe. */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
// In CI a missing browser is a failure, not a reason to skip.
if (!hasChromium && process.env.CI)
  throw new Error(`Chromium ontbreekt op ${CHROMIUM}; .ci/run installeert het.`);

/** The widths every page is checked at: a small phone and a desktop. */
export const WIDTHS = [320, 1280] as const;

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
}

/** Starts the test app's server on a free port; its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const address = t.app.server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}

/** A browser context at the given width, logged in with the session cookie when given. */
export async function browserContext(
  browser: Browser,
  base: string,
  cookie?: string,
  width = 1280,
): Promise<BrowserContext> {
  // bypassCSP only so axe can be injected; the page itself allows no inline script.
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: { width, height: 900 },
  });
  if (cookie) {
    const [name, value] = cookie.split("=", 2) as [string, string];
    await context.addCookies([{ name, value, url: base }]);
  }
  return context;
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** The WCAG violations axe finds on the page as it is now, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
        runOnly: { type: "tag", values: tags },
      }),
    WCAG_TAGS,
  )) as { violations: AxeViolation[] };
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

export interface BrowserApp {
  t: TestApp;
  browser: Browser;
  base: string;
}

/**
 * The test app on a port and a browser, started in beforeAll (after `prepare`, e.g. data the
 * test needs) and closed in afterAll. What it returns reads them once started.
 */
export function useBrowserApp(prepare?: (t: TestApp) => Promise<void>): BrowserApp {
  let started: BrowserApp | undefined;
  beforeAll(async () => {
    if (!hasChromium) return;
    const t = await startTestApp();
    await prepare?.(t);
    const base = await listen(t);
    started = { t, base, browser: await launchBrowser() };
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.t.close();
  });
  const current = () => {
    if (!started) throw new Error("the browser and app start in beforeAll");
    return started;
  };
  return {
    get t() {
      return current().t;
    },
    get browser() {
      return current().browser;
    },
    get base() {
      return current().base;
    },
  };
}
