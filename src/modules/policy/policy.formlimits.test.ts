import { describe, expect, it } from "vitest";
import { submitForm, useTestApp } from "../../../test/helpers/app.js";
import { NOTE_MAX, STATEMENT_MAX, TEXT_MAX } from "../../platform/schema-types.js";

const t = useTestApp(["beleidsmedewerker"]);
const staff = () => t.cookie("beleidsmedewerker");

/** Posts a form of the activity's page to `/activiteiten/<id>/<action>` with the staff session. */
const postActivityForm = (a: { id: string }, action: string, fields: Record<string, string>) =>
  submitForm(t.app, `/activiteiten/${a.id}`, staff(), `/activiteiten/${a.id}/${action}`, fields);
const firstActivity = async () =>
  (await t.app.inject({ url: "/api/v1/activiteiten?document=begroting-2020" })).json()
    .activiteiten[0] as { id: string; tekst: string; jaar: number };

/** The error summary of a page: what it lists, as text. */
const summaryOf = (html: string) => {
  const start = html.indexOf('class="utrecht-alert utrecht-alert--error sk-error-summary"');
  expect(start).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf("</div>", start)).replace(/<[^>]+>/g, " ");
};

describe("staff form limits", () => {
  it("states the limit up front and counts the stored text on the activity page", async () => {
    const a = await firstActivity();
    const page = await t.app.inject({ url: `/activiteiten/${a.id}`, headers: { cookie: staff() } });
    expect(page.body).toContain("Hoogstens 5.000 tekens.");
    expect(page.body).toContain(`${a.tekst.length} van 5.000 tekens gebruikt`);
    expect(page.body).toContain('<textarea class="utrecht-textarea');
    // The most used action first: the status change comes before the long edit form.
    expect(page.body.indexOf("Status wijzigen")).toBeLessThan(
      page.body.indexOf("Activiteit bewerken"),
    );
  });

  it("refuses a too-long text with te lang and the limit, never verplicht, and keeps what was typed", async () => {
    const a = await firstActivity();
    const long = "x".repeat(STATEMENT_MAX + 7);
    const res = await postActivityForm(a, "bewerken", { tekst: long, gewicht: "1" });
    expect(res.statusCode).toBe(400);
    const summary = summaryOf(res.body);
    expect(summary).toMatch(/Tekst is te lang: hoogstens 5\.000 tekens \(nu 5\.007\)/);
    expect(summary).not.toContain("verplicht");
    // The count is right for what was sent, and says by how much it is over.
    expect(res.body).toContain("5.007 van 5.000 tekens gebruikt: 7 te veel");
    expect(res.body).toContain(long);
    // The summary takes focus without script.
    expect(res.body).toMatch(/sk-error-summary"[^>]*tabindex="-1"[^>]*autofocus/);
  });

  it("says verplicht for an empty text and the range for a weight outside it", async () => {
    const a = await firstActivity();
    const res = await postActivityForm(a, "bewerken", { tekst: "   ", gewicht: "5000" });
    expect(res.statusCode).toBe(400);
    const summary = summaryOf(res.body);
    expect(summary).toContain("Tekst is verplicht.");
    expect(summary).toContain("Gewicht moet een getal van 0 tot en met 1.000 zijn.");
    expect(summary).not.toContain("te lang");
  });

  it.each([
    [
      "status explanation",
      "vertraagd",
      "toelichting",
      NOTE_MAX,
      /Toelichting is te lang: hoogstens 2\.000 tekens/,
    ],
    [
      "realisation text",
      "gerealiseerd",
      "realisatie",
      TEXT_MAX,
      /Realisatie is te lang: hoogstens 10\.000 tekens/,
    ],
  ] as const)(
    "refuses a too-long %s with te lang and the limit",
    async (_what, status, field, max, message) => {
      const a = await firstActivity();
      const res = await postActivityForm(a, "status", {
        jaar: String(a.jaar),
        status,
        [field]: "y".repeat(max + 1),
      });
      expect(res.statusCode).toBe(400);
      expect(summaryOf(res.body)).toMatch(message);
    },
  );
});
