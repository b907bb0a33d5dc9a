import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
// In CI a missing browser is a failure, not a reason to skip.
if (!hasChromium && process.env.CI)
  throw new Error(`Chromium ontbreekt op ${CHROMIUM}; .ci/run installeert het.`);

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

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

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** The widths every page is checked at: a small phone and a desktop. */
const WIDTHS = [320, 1280] as const;

/** A browser context at the given width, logged in with the session cookie when given. */
async function browserContext(cookie?: string, width = 1280) {
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

/** The WCAG violations axe finds on the page as it is now, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
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

async function violations(path: string, cookie?: string, width = 1280): Promise<string[]> {
  const context = await browserContext(cookie, width);
  const page = await context.newPage();
  const response = await page.goto(`${base}${path}`);
  expect(response?.status()).toBeLessThan(400);
  const found = await axeViolations(page);
  await context.close();
  return found;
}

describe.skipIf(!hasChromium)("accessibility (axe-core, WCAG 2.2 AA) in headless Chromium", () => {
  it.each(
    [
      "/",
      "/toegankelijkheid",
      "/privacy",
      "/gebieden",
      "/gebieden/WK035608",
      "/gebieden/GB035603",
      "/gebieden/GM0356",
      "/inloggen",
      "/beleid",
      "/beleid/begroting-2020",
      "/beleid/beleidskader-2025-2030",
      "/beleid/meerjarenopgave-welzijn-2021-2024",
      "/beleid/jaarstukken-2020",
      "/beleid/jaarstukken-2020/jaarverslag",
      "/beleid/begroting-2020/onderdelen/iedereen-doet-mee",
      "/zoeken?q=eenzaamheid",
      "/zoeken?q=",
      "/samenwerkingsverbanden",
      "/samenwerkingsverbanden/lekstroom",
      "/monitor",
      "/monitor/jv-collectieve-zelfredzaamheid",
      "/monitor/cbs-inwoners",
      "/monitor/msk-zelfredzaamheid",
      "/evaluatie/beleidskader-2025-2030/2026",
    ].flatMap((path) => WIDTHS.map((width) => [path, width] as const)),
  )("%s has no violations at %i px", async (path, width) => {
    expect(await violations(path, undefined, width)).toEqual([]);
  });

  it("an activity page with its status form has no violations for a beleidsmedewerker", async () => {
    const staff = await t.sessionFor("beleidsmedewerker");
    const list = (
      await t.app.inject({
        url: "/api/v1/activiteiten?document=begroting-2020&onderdeel=iedereen-doet-mee",
      })
    ).json();
    expect(await violations(`/activiteiten/${list.activiteiten[1].id}`, staff)).toEqual([]);
    const goals = (await t.app.inject({ url: "/api/v1/doelen?document=begroting-2020" })).json();
    expect(await violations(`/doelen/${goals.doelen[3].id}`, staff)).toEqual([]);
  });

  it.each(
    [
      "/beheer/gebruikers",
      "/beheer/audit",
      "/beheer/tokens",
      "/account",
      "/gebieden/WK035608",
      "/beleid",
      "/beleid/begroting-2020",
      "/beleid/begroting-2020/onderdelen/geldwijs",
      "/samenwerkingsverbanden/lekstroom",
      "/monitor/import",
      "/monitor",
      "/monitor/cbs-inwoners",
    ].flatMap((path) => WIDTHS.map((width) => [path, width] as const)),
  )("%s has no violations for a logged-in beheerder at %i px", async (path, width) => {
    const admin = await t.sessionFor("beheerder");
    expect(await violations(path, admin, width)).toEqual([]);
  });

  it("/beheer/tokens has no violations with a token issued through its form, nor its result page", async () => {
    const context = await browserContext(await t.sessionFor("beheerder"));
    const page = await context.newPage();
    await page.goto(`${base}/beheer/tokens`);
    await page.selectOption("#veld-account", { index: 1 });
    await page.fill("#veld-naam", "Koppeling");
    await page.click("form.sk-form button");
    await page.waitForSelector("code.sk-token");
    expect(await page.textContent("main")).toMatch(/sk_[A-Za-z0-9_-]{43}/);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${base}/beheer/tokens`);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("an account's page, its error summary, the reset result and the forced password change have no violations", async () => {
    const admin = await t.sessionFor("beheerder");
    await t.sessionFor("partner");
    // Sorted by username, descending, so the partner's row is on the first page whatever else the file created.
    const list = await t.app.inject({
      url: "/beheer/gebruikers?sorteer=gebruikersnaam&volgorde=aflopend",
      headers: { cookie: admin },
    });
    const [, id, username] =
      /href="\/beheer\/gebruikers\/([0-9a-f-]{36})">(test-partner-\d+)</.exec(list.body) ?? [];
    expect(id).toBeDefined();
    expect(await violations(`/beheer/gebruikers/${id}`, admin)).toEqual([]);

    const context = await browserContext(admin);
    const page = await context.newPage();
    await page.goto(`${base}/beheer/gebruikers/${id}`);
    await page.selectOption("#veld-rol", "buurtverbinder");
    await page.click("form[action$='/rollen'] button[type=submit]");
    await page.waitForSelector(".sk-error-summary");
    expect(await axeViolations(page)).toEqual([]);
    await page.click("#veld-wachtwoord");
    await page.waitForSelector("code.sk-password");
    expect(await axeViolations(page)).toEqual([]);
    const oneTime = (await page.textContent("code.sk-password")) ?? "";
    await context.close();

    // The account itself, logged in with the one-time password, lands on the password form.
    const own = await browserContext();
    const ownPage = await own.newPage();
    await ownPage.goto(`${base}/inloggen`);
    await ownPage.fill("#veld-gebruikersnaam", username ?? "");
    await ownPage.fill("#veld-wachtwoord", oneTime);
    await ownPage.click("form[action='/inloggen'] button[type=submit]");
    await ownPage.waitForURL(`${base}/account`);
    expect(await axeViolations(ownPage)).toEqual([]);
    expect(await ownPage.textContent("main")).toContain("eenmalig wachtwoord");
    await own.close();
  });

  it("the harness itself reports violations (a page without lang and alt text)", async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<html><head><title>x</title></head><body><img src="/x.png"></body></html>',
    );
    await page.addScriptTag({ content: axeSource });
    const result = (await page.evaluate(() =>
      (
        window as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }
      ).axe.run(),
    )) as { violations: { id: string }[] };
    expect(result.violations.map((v) => v.id)).toEqual(
      expect.arrayContaining(["html-has-lang", "image-alt"]),
    );
    await page.close();
  });

  it("moves focus to the main content with the skip link", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/gebieden`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Naar de hoofdinhoud",
    );
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("inhoud");
    await page.close();
  });
});
