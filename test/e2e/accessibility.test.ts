import { describe, expect, it } from "vitest";
import { axeViolations, browserContext, hasChromium, useBrowserApp } from "./browser.js";

/*
 * What a page looks like after a visitor acted on it: a form sent, an error shown, a result page.
 * Every page as it first loads is walked by route-walk.test.ts (axe at 320 px and 1280 px).
 */

const e2e = useBrowserApp();

describe.skipIf(!hasChromium)(
  "accessibility after interaction (axe-core, WCAG 2.2 AA) in headless Chromium",
  () => {
    it("/beheer/tokens has no violations with a token issued through its form, nor its result page", async () => {
      const context = await browserContext(
        e2e.browser,
        e2e.base,
        await e2e.t.sessionFor("beheerder"),
      );
      const page = await context.newPage();
      await page.goto(`${e2e.base}/beheer/tokens`);
      await page.selectOption("#veld-account", { index: 1 });
      await page.fill("#veld-naam", "Koppeling");
      await page.click("form.sk-form button");
      await page.waitForSelector("code.sk-token");
      expect(await page.textContent("main")).toMatch(/sk_[A-Za-z0-9_-]{43}/);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${e2e.base}/beheer/tokens`);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });

    it("an account's error summary, the reset result and the forced password change have no violations", async () => {
      const admin = await e2e.t.sessionFor("beheerder");
      await e2e.t.sessionFor("partner");
      // Sorted by username, descending, so the partner's row is on the first page whatever else the file created.
      const list = await e2e.t.app.inject({
        url: "/beheer/gebruikers?sorteer=gebruikersnaam&volgorde=aflopend",
        headers: { cookie: admin },
      });
      const [, id, username] =
        /href="\/beheer\/gebruikers\/([0-9a-f-]{36})">(test-partner-\d+)</.exec(list.body) ?? [];
      expect(id).toBeDefined();

      const context = await browserContext(e2e.browser, e2e.base, admin);
      const page = await context.newPage();
      await page.goto(`${e2e.base}/beheer/gebruikers/${id}`);
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
      const own = await browserContext(e2e.browser, e2e.base);
      const ownPage = await own.newPage();
      await ownPage.goto(`${e2e.base}/inloggen`);
      await ownPage.fill("#veld-gebruikersnaam", username ?? "");
      await ownPage.fill("#veld-wachtwoord", oneTime);
      await ownPage.click("form[action='/inloggen'] button[type=submit]");
      await ownPage.waitForURL(`${e2e.base}/account`);
      expect(await axeViolations(ownPage)).toEqual([]);
      expect(await ownPage.textContent("main")).toContain("eenmalig wachtwoord");
      await own.close();
    });

    it("the harness itself reports violations (a page without lang and alt text)", async () => {
      const page = await e2e.browser.newPage();
      await page.setContent(
        '<html><head><title>x</title></head><body><img src="/x.png"></body></html>',
      );
      const found = (await axeViolations(page)).map((v) => v.split(" ")[0]);
      expect(found).toEqual(expect.arrayContaining(["html-has-lang", "image-alt"]));
      await page.close();
    });

    it("moves focus to the main content with the skip link", async () => {
      const page = await e2e.browser.newPage();
      await page.goto(`${e2e.base}/gebieden`);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        "Naar de hoofdinhoud",
      );
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("inhoud");
      await page.close();
    });
  },
);
