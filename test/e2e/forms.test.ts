import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, browserContext, hasChromium, useBrowserApp, WIDTHS } from "./browser.js";

/*
 * A staff form after a failed submit, in headless Chromium: focus is on the error summary (with
 * and without JavaScript: autofocus, no script), the summary says what is wrong, axe finds nothing
 * at a phone's and a desktop's width, and the live character count follows typing.
 */

let activityId: string;
const e2e = useBrowserApp(async (t) => {
  const list = await t.app.inject({ url: "/api/v1/activiteiten?document=begroting-2020" });
  activityId = list.json().activiteiten[0].id;
});

const editForm = () => `form[action$='/activiteiten/${activityId}/bewerken']`;

/** Sends the activity's edit form with a text of `length` characters. */
async function submitLongText(page: Page, length: number) {
  await page.goto(`${e2e.base}/activiteiten/${activityId}`);
  await page.fill(`${editForm()} textarea[name=tekst]`, "x".repeat(length));
  await Promise.all([page.waitForNavigation(), page.click(`${editForm()} button[type=submit]`)]);
}

const focused = (page: Page) =>
  page.evaluate(() => ({
    className: document.activeElement?.className ?? "",
    text: document.activeElement?.textContent ?? "",
  }));

describe.skipIf(!hasChromium)("staff forms in headless Chromium", () => {
  for (const width of WIDTHS) {
    it(`puts focus on the error summary after a failed submit, with 0 axe violations at ${width} px`, async () => {
      const context = await browserContext(
        e2e.browser,
        e2e.base,
        await e2e.t.sessionFor("beleidsmedewerker"),
        width,
      );
      const page = await context.newPage();
      await submitLongText(page, 5007);
      const active = await focused(page);
      expect(active.className).toContain("sk-error-summary");
      expect(active.text).toContain("Tekst is te lang: hoogstens 5.000 tekens (nu 5.007).");
      expect(active.text).not.toContain("verplicht");
      expect(await axeViolations(page)).toEqual([]);
      // No sideways scrolling of the page with the form and its text area.
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
      await context.close();
    });
  }

  it("moves focus to the summary without JavaScript too (autofocus)", async () => {
    const context = await e2e.browser.newContext({ javaScriptEnabled: false });
    const [name, value] = (await e2e.t.sessionFor("beleidsmedewerker")).split("=", 2) as [
      string,
      string,
    ];
    await context.addCookies([{ name, value, url: e2e.base }]);
    const page = await context.newPage();
    await submitLongText(page, 5001);
    expect((await focused(page)).className).toContain("sk-error-summary");
    // The server's count stands for what was sent.
    expect(await page.textContent("#teller-tekst")).toBe(
      "5.001 van 5.000 tekens gebruikt: 1 te veel",
    );
    await context.close();
  });

  it("keeps the count current while typing and says it politely once typing pauses", async () => {
    const context = await browserContext(
      e2e.browser,
      e2e.base,
      await e2e.t.sessionFor("beleidsmedewerker"),
    );
    const page = await context.newPage();
    await page.goto(`${e2e.base}/activiteiten/${activityId}`);
    const area = `${editForm()} textarea[name=tekst]`;
    await page.fill(area, "");
    await page.type(area, "abc");
    expect(await page.textContent("#teller-tekst")).toBe("3 van 5.000 tekens gebruikt");
    // The live region is not updated at each key, only after the pause.
    expect(await page.getAttribute("#teller-tekst-live", "aria-live")).toBe("polite");
    await page.waitForFunction(
      () => document.getElementById("teller-tekst-live")?.textContent !== "",
      undefined,
      { timeout: 3000 },
    );
    expect(await page.textContent("#teller-tekst-live")).toBe("3 van 5.000 tekens gebruikt");
    // A select shows it is one: the arrow the theme leaves out.
    const arrow = await page.evaluate(
      () => getComputedStyle(document.querySelector("select") as Element).backgroundImage,
    );
    expect(arrow).toContain("data:image/svg+xml");
    await context.close();
  });

  it("moves focus to the refusal of a form that returns to its page (Onderdeel toevoegen)", async () => {
    const context = await browserContext(
      e2e.browser,
      e2e.base,
      await e2e.t.sessionFor("beleidsmedewerker"),
    );
    const page = await context.newPage();
    await page.goto(`${e2e.base}/beleid/begroting-2020`);
    await page.fill("#veld-onderdeel-titel", "");
    await Promise.all([
      page.waitForNavigation(),
      page.click("form[action$='/onderdelen'] button[type=submit]"),
    ]);
    const active = await focused(page);
    expect(active.className).toContain("sk-error-summary");
    expect(active.text).toContain("Niet opgeslagen: Titel is verplicht.");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
